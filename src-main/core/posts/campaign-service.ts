/**
 * Campaigns (R12; BAR 5a "tell people how you will use the medium and over what period"; SYP Annex One): a named
 * campaign with its purpose, audience, period and accounts. Posts belong to at most one campaign.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { CampaignsTable, Database } from '../db/schema';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import { hasPermission, type User } from '../people/user-service';

export type Campaign = { id: string; name: string; purpose: string; audience: string; startsOn: string; endsOn: string; accountIds: string[]; createdBy: string; createdAt: number };
export type NewCampaign = Omit<Campaign, 'id' | 'createdBy' | 'createdAt'>;

export class CampaignService {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<Campaign[]> {
    const rows = await this.db.selectFrom('campaigns').selectAll().orderBy('starts_on', 'desc').orderBy('name').execute();
    return rows.map(fromRow);
  }

  async get(id: string): Promise<Campaign | null> {
    const row = await this.db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? fromRow(row) : null;
  }

  async create(actor: User, input: NewCampaign): Promise<Campaign> {
    if (!hasPermission(actor, 'post') && !hasPermission(actor, 'approve'))
      throw new HeraldError('forbidden', 'Only trained officers, approvers and managers can set up campaigns');
    if (input.endsOn < input.startsOn) throw new HeraldError('invalid-input', 'The campaign ends before it starts', { endsOn: 'The end date must be on or after the start date' });
    const clash = await this.db.selectFrom('campaigns').select('id').where('name', '=', input.name).executeTakeFirst();
    if (clash) throw new HeraldError('conflict', `There is already a campaign called “${input.name}”`, { name: 'Choose a name no other campaign has' });
    const campaign: Campaign = { ...input, id: randomUUID(), createdBy: actor.username, createdAt: this.clock.now() };
    await this.audit.transact(async (trx, record) => {
      await trx
        .insertInto('campaigns')
        .values({
          id: campaign.id,
          name: campaign.name,
          purpose: campaign.purpose,
          audience: campaign.audience,
          starts_on: campaign.startsOn,
          ends_on: campaign.endsOn,
          account_ids: JSON.stringify(campaign.accountIds),
          created_by: campaign.createdBy,
          created_at: campaign.createdAt,
        })
        .execute();
      await record({ actor: actor.username, action: 'campaign.created', subject: `campaign:${campaign.id}`, details: { ...input } });
    });
    return campaign;
  }
}

function fromRow(r: CampaignsTable): Campaign {
  let accountIds: string[] = [];
  try {
    const parsed = JSON.parse(r.account_ids) as unknown;
    if (Array.isArray(parsed)) accountIds = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    // a corrupted cell lists no accounts rather than failing the whole list
  }
  return { id: r.id, name: r.name, purpose: r.purpose, audience: r.audience, startsOn: r.starts_on, endsOn: r.ends_on, accountIds, createdBy: r.created_by, createdAt: Number(r.created_at) };
}
