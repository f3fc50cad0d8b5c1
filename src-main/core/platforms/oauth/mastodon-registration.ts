/**
 * Mastodon has no central developer console: each instance is its own authorisation server, and an app registers
 * itself with POST /api/v1/apps before the code grant (RFC 6749 §2 client registration, done the Mastodon way).
 * Herald registers at connect time, once the loopback listener's port is known, so the registered redirect URI is
 * exactly the one the flow sends (Mastodon compares them exactly).
 */
import { z } from 'zod';
import { requestJson } from '../http';
import type { OAuthClient } from './oauth-client';

const appSchema = z.object({ client_id: z.string().min(1), client_secret: z.string().min(1) });

export type MastodonAppInfo = { clientName?: string; website?: string };

/** For `startAuthorisation({ register })`. */
export function mastodonRegistration(instanceUrl: string, info: MastodonAppInfo = {}) {
  return async (redirectUri: string, scopes: readonly string[]): Promise<OAuthClient> => {
    const { body } = await requestJson('mastodon', {
      url: new URL('/api/v1/apps', instanceUrl).href,
      method: 'POST',
      body: { client_name: info.clientName ?? 'Herald', redirect_uris: redirectUri, scopes: scopes.join(' '), ...(info.website ? { website: info.website } : {}) },
      schema: appSchema,
      doing: 'registering Herald with the Mastodon server',
    });
    return { clientId: body.client_id, clientSecret: body.client_secret };
  };
}
