/**
 * Images attached to posts. The bytes are kept in the database (a backup of the database is a backup of what will
 * be posted), identified by SHA-256 so the same file attached twice is stored once and an approval can bind to the
 * exact bytes (R5). The type is read from the bytes, never taken from the file name or the renderer's word for it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { imageSize } from 'image-size';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from '../clock';
import { HeraldError } from '../errors';
import { hasPermission, type User } from '../people/user-service';

/** The largest image any adapter accepts is X's 5 MB and Mastodon's 16 MB; 16 MB bounds memory per attachment. */
export const MAX_MEDIA_BYTES = 16 * 1024 * 1024;

const MIME: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp' };

export type MediaView = { id: string; sha256: string; mimeType: string; fileName: string; bytes: number; width: number | null; height: number | null };

export class MediaStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly clock: Clock,
  ) {}

  async add(actor: User, fileName: string, data: Uint8Array): Promise<MediaView> {
    if (!hasPermission(actor, 'post')) throw new HeraldError('forbidden', 'Only a trained officer can attach images to posts');
    if (data.length === 0) throw new HeraldError('invalid-input', 'That file is empty', { file: 'Choose an image file' });
    if (data.length > MAX_MEDIA_BYTES) throw new HeraldError('invalid-input', 'That image is larger than 16 MB', { file: 'Choose an image of 16 MB or less' });
    let size: { width?: number; height?: number; type?: string };
    try {
      size = imageSize(data);
    } catch {
      size = {};
    }
    const mimeType = size.type ? MIME[size.type] : undefined;
    if (!mimeType) throw new HeraldError('invalid-input', 'That file is not a JPEG, PNG, GIF or WebP image', { file: 'Choose a JPEG, PNG, GIF or WebP image' });
    const sha256 = createHash('sha256').update(data).digest('hex');
    const existing = await this.db.selectFrom('media').select(['id', 'sha256', 'mime_type', 'file_name', 'bytes', 'width', 'height']).where('sha256', '=', sha256).executeTakeFirst();
    if (existing) return toView(existing);
    const row = {
      id: randomUUID(),
      sha256,
      mime_type: mimeType,
      file_name: fileName.slice(0, 255),
      bytes: data.length,
      width: size.width ?? null,
      height: size.height ?? null,
      data,
      added_by: actor.username,
      added_at: this.clock.now(),
    };
    await this.db.insertInto('media').values(row).execute();
    return toView(row);
  }

  async views(ids: readonly string[]): Promise<Map<string, MediaView>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db.selectFrom('media').select(['id', 'sha256', 'mime_type', 'file_name', 'bytes', 'width', 'height']).where('id', 'in', [...ids]).execute();
    return new Map(rows.map((r) => [r.id, toView(r)]));
  }

  /** The bytes as a data: URL for previews (the renderer's CSP allows data: images and nothing remote). */
  async dataUrl(id: string): Promise<string> {
    const row = await this.db.selectFrom('media').select(['mime_type', 'data']).where('id', '=', id).executeTakeFirst();
    if (!row) throw new HeraldError('not-found', 'That image is no longer stored');
    return `data:${row.mime_type};base64,${Buffer.from(row.data).toString('base64')}`;
  }
}

function toView(r: { id: string; sha256: string; mime_type: string; file_name: string; bytes: number; width: number | null; height: number | null }): MediaView {
  return { id: r.id, sha256: r.sha256, mimeType: r.mime_type, fileName: r.file_name, bytes: Number(r.bytes), width: r.width, height: r.height };
}
