/**
 * The Facebook Pages a signed-in person can post to, for the choice after an OAuth sign-in. Doc pages:
 *  - Pages API "Manage a Page" and "Getting Started": GET /{user-id}/accounts with a User access token lists every
 *    Page the person can perform a task on, each with its id, name, a Page access token, and the `tasks` they can
 *    perform there. Publishing needs the CREATE_CONTENT task (MANAGE includes every task), so Pages where the person
 *    can only ANALYZE, ADVERTISE or MODERATE are not offered: posting there would be refused.
 *  - Graph API "Paginated Results": cursor paging; `paging.next` is present only while more remain, and the next page
 *    is the same request with `after=paging.cursors.after`. Herald asks for that itself rather than fetching the
 *    `next` address, so the token only ever goes to the configured Graph host, in the Authorization header.
 *  - Access Tokens, "Page Access Tokens": a Page token obtained with a long-lived User token does not expire, so the
 *    target sets no expiry; the account service replaces the person's token with it.
 * The Page tokens are secrets (R2): nothing here logs them, and no error message quotes a response body's values.
 */
import { z } from 'zod';
import type { CallContext, ConnectTarget } from '../adapter';
import type { Graph } from '../meta/graph';

const Accounts = z.object({
  data: z.array(z.object({ id: z.string(), name: z.string(), access_token: z.string().optional(), tasks: z.array(z.string()).optional() })),
  paging: z.object({ next: z.string().optional(), cursors: z.object({ after: z.string().optional() }).optional() }).optional(),
});

/** The tasks that allow publishing as the Page (Pages API "Manage a Page"). */
const CAN_POST = new Set(['CREATE_CONTENT', 'MANAGE']);
/** Pages of results read at most; 10 × 100 Pages is far beyond any council's estate. */
const MAX_RESULT_PAGES = 10;
const PER_PAGE = 100;

/** The `after` cursor of the next page: from `paging.cursors`, else read out of the `next` address. */
function nextCursor(paging: z.infer<typeof Accounts>['paging']): string | undefined {
  if (!paging?.next) return undefined;
  if (paging.cursors?.after) return paging.cursors.after;
  try {
    return new URL(paging.next).searchParams.get('after') ?? undefined;
  } catch {
    return undefined;
  }
}

export async function listFacebookPages(graph: Graph, ctx: CallContext): Promise<ConnectTarget[]> {
  const targets = new Map<string, ConnectTarget>();
  let after: string | undefined;
  for (let i = 0; i < MAX_RESULT_PAGES; i++) {
    const { body } = await graph.get(ctx, 'me/accounts', {
      params: { fields: 'id,name,access_token,tasks', limit: PER_PAGE, after },
      schema: Accounts,
      doing: 'listing the Facebook Pages this sign-in manages',
    });
    for (const p of body.data) {
      if (!p.access_token || !p.tasks?.some((t) => CAN_POST.has(t))) continue;
      targets.set(p.id, { id: p.id, name: p.name, credentials: { accessToken: p.access_token, extra: { pageId: p.id } } });
    }
    const next = nextCursor(body.paging);
    if (!next || next === after) break;
    after = next;
  }
  return [...targets.values()];
}
