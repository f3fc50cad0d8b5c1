/**
 * Connecting platform accounts with OAuth 2 (RFC 6749) + PKCE (RFC 7636) through a loopback redirect in the system
 * browser (RFC 8252), and keeping them connected. The account service calls these; nothing here stores anything.
 */
export { startAuthorisation, credentialsFrom, type StartAuthorisationOptions, type AuthorisationResult } from './loopback-flow';
export { refreshIfDue, revoke, type RefreshOptions } from './token-refresh';
export { mastodonRegistration } from './mastodon-registration';
export { providerFor, mastodonProvider, OAUTH_PLATFORM_IDS, type OAuthProvider, type OAuthPlatformId } from './providers';
export { OAuthRefusedError, isOAuthRefusal, REFUSAL_REASONS, type RefusalReason } from './oauth-errors';
export type { OAuthClient, OAuthTokens } from './oauth-client';
