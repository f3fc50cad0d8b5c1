/**
 * The LinkedIn organisations a signed-in member administers, for the choice after an OAuth sign-in. Doc pages
 * (Microsoft Learn, LinkedIn Marketing, Community Management):
 *  - "Organization Access Control by Role": the roleAssignee finder, GET /rest/organizationAcls?q=roleAssignee with
 *    `role=ADMINISTRATOR&state=APPROVED`, lists the authenticated member's approved administrator roles, each naming
 *    its `organization` URN; paged by `start` and `count`. Only ADMINISTRATOR is asked for: the same page says many
 *    Organization APIs need that role, and Herald uses more than posting (reading and deleting comments on the
 *    Page's posts, the organisation record), so a member who is only, say, an ANALYST is not offered the organisation.
 *  - "Organization Lookup API": GET /rest/organizations/{id} gives the organisation's `localizedName`. One lookup per
 *    organisation, rather than the Rest.li batch get (`ids=List(...)`), keeps to the path the adapter already uses
 *    for checkHealth; a member administers a handful of organisations, not hundreds.
 * The member's token stays: the target only adds `extra.organizationId`. The usual LinkedIn-Version and
 * X-Restli-Protocol-Version headers come from rest.ts.
 */
import { z } from 'zod';
import type { CallContext, ConnectTarget } from '../adapter';
import type { createLinkedIn } from './rest';

type LinkedIn = ReturnType<typeof createLinkedIn>;

const Acls = z.object({
  elements: z.array(z.object({ organization: z.string(), role: z.string().optional(), state: z.string().optional() })),
  paging: z.object({ start: z.number().optional(), count: z.number().optional(), total: z.number().optional() }).optional(),
});
const Organization = z.object({ id: z.number().or(z.string()), localizedName: z.string() });

const PER_PAGE = 100;
/** Result pages read at most: 10 × 100 roles is far beyond any council. */
const MAX_RESULT_PAGES = 10;
const ORG_URN = /^urn:li:organization:(\d+)$/;

export async function listLinkedInOrganizations(li: LinkedIn, ctx: CallContext): Promise<ConnectTarget[]> {
  const ids: string[] = [];
  let start = 0;
  for (let i = 0; i < MAX_RESULT_PAGES; i++) {
    const { body } = await li(ctx, 'GET', '/rest/organizationAcls', {
      query: { q: 'roleAssignee', role: 'ADMINISTRATOR', state: 'APPROVED', start: String(start), count: String(PER_PAGE) },
      schema: Acls,
      doing: 'listing the LinkedIn organisations this sign-in administers',
    });
    for (const e of body.elements) {
      // The query already asks for approved administrators; checking again costs nothing if LinkedIn ignores a filter.
      if ((e.role ?? 'ADMINISTRATOR') !== 'ADMINISTRATOR' || (e.state ?? 'APPROVED') !== 'APPROVED') continue;
      const id = ORG_URN.exec(e.organization)?.[1];
      if (id && !ids.includes(id)) ids.push(id);
    }
    start += body.elements.length;
    const total = body.paging?.total;
    const more = total !== undefined ? start < total : body.elements.length >= PER_PAGE;
    if (!more || body.elements.length === 0) break;
  }
  const targets: ConnectTarget[] = [];
  for (const id of ids) {
    const { body } = await li(ctx, 'GET', `/rest/organizations/${id}`, { schema: Organization, doing: 'reading the name of a LinkedIn organisation' });
    targets.push({ id, name: body.localizedName, credentials: { extra: { organizationId: id } } });
  }
  return targets;
}
