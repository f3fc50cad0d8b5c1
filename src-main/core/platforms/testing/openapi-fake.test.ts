/**
 * The spec-checked fake must catch drift, or every adapter test built on it proves nothing: a reply missing a
 * required field or carrying a wrong type, a request to a path the platform does not have, an undocumented body
 * field or query parameter, a missing token, an undocumented status. Each is reported in `violations` and answered 599.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { SPECS, startOpenApiFake, type OpenApiFake } from './openapi-fake';

const auth = { authorization: 'Bearer test-token' };
let fake: OpenApiFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const account = {
  id: '1', username: 'council', acct: 'council', display_name: 'Council', locked: false, bot: false, group: false, indexable: true,
  created_at: '2024-01-01T00:00:00.000Z', note: '', url: 'https://social.example/@council', uri: 'https://social.example/users/council',
  avatar: 'https://social.example/a.png', avatar_static: 'https://social.example/a.png', header: 'https://social.example/h.png',
  header_static: 'https://social.example/h.png', followers_count: 0, following_count: 0, statuses_count: 0, emojis: [], fields: [],
  role: { id: '-99', name: '', color: '', highlighted: false, permissions: '0' },
  source: { note: '', fields: [], privacy: 'public', sensitive: false, language: 'en', follow_requests_count: 0, indexable: true },
};

describe('openapi-fake', () => {
  it('passes a documented request and reply, and records what the client sent', async () => {
    fake = await startOpenApiFake({ spec: SPECS.x, handlers: { createPosts: (r) => ({ status: 201, body: { data: { id: '10', text: r.body.text } } }) } });
    const res = await fetch(`${fake.url}/2/tweets`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Bins are collected on Monday' }) });
    expect(res.status).toBe(201);
    expect(fake.callsTo('createPosts')[0]?.body).toEqual({ text: 'Bins are collected on Monday' });
    expect(fake.violations).toEqual([]);
  });

  it('reports a reply that lacks a required field', async () => {
    fake = await startOpenApiFake({ spec: SPECS.x, handlers: { createPosts: () => ({ status: 201, body: { data: { text: 'no id' } } }) } });
    const res = await fetch(`${fake.url}/2/tweets`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"text":"hi"}' });
    expect(res.status).toBe(599);
    expect(fake.violations).toHaveLength(1);
    expect(fake.violations[0]).toMatch(/reply 201 does not match createPosts: \/data must have required property 'id'/);
  });

  it('reports a reply field of the wrong type (OpenAPI 3.1 document)', async () => {
    fake = await startOpenApiFake({ spec: SPECS.mastodon, handlers: { getAccountsVerifyCredentials: () => ({ status: 200, body: { ...account, followers_count: 'many' } }) } });
    const ok = await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, { headers: auth });
    expect(ok.status).toBe(599);
    expect(fake.violations[0]).toMatch(/\/followers_count must be integer/);
  });

  it('accepts a correct reply from the OpenAPI 3.1 document, nullable fields included', async () => {
    fake = await startOpenApiFake({ spec: SPECS.mastodon, handlers: { getAccountsVerifyCredentials: () => ({ status: 200, body: { ...account, last_status_at: null } }) } });
    expect((await fetch(`${fake.url}/api/v1/accounts/verify_credentials`, { headers: auth })).status).toBe(200);
    expect(fake.violations).toEqual([]);
  });

  it('reports a request to an undocumented path, and a method the path does not have', async () => {
    fake = await startOpenApiFake({ spec: SPECS.x, handlers: {} });
    expect((await fetch(`${fake.url}/2/users/123/blocking`, { method: 'POST', headers: auth })).status).toBe(599);
    expect((await fetch(`${fake.url}/1.1/statuses/update.json`, { method: 'POST', headers: auth })).status).toBe(599);
    expect(fake.violations).toEqual([
      'POST /2/users/123/blocking: no such operation in the document (undocumented path or method)',
      'POST /1.1/statuses/update.json: no such operation in the document (undocumented path or method)',
    ]);
  });

  it('reports an undocumented body field, an unknown query parameter and a wrong content type', async () => {
    fake = await startOpenApiFake({ spec: SPECS.x, handlers: { createPosts: () => ({ status: 201, body: { data: { id: '1', text: '' } } }), getUsersMe: () => ({ status: 200, body: { data: { id: '1' } } }) } });
    await fetch(`${fake.url}/2/tweets`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"status":"hi"}' });
    await fetch(`${fake.url}/2/users/me?since=yesterday`, { headers: auth });
    await fetch(`${fake.url}/2/tweets`, { method: 'POST', headers: auth, body: new URLSearchParams({ text: 'hi' }) });
    expect(fake.violations).toHaveLength(3);
    expect(fake.violations[0]).toMatch(/must NOT have additional properties \(status\)/);
    expect(fake.violations[1]).toMatch(/\/query must NOT have additional properties \(since\)/);
    expect(fake.violations[2]).toMatch(/request body of type "application\/x-www-form-urlencoded"; createPosts documents application\/json/);
    expect(fake.calls).toEqual([]);
  });

  it('reports a request without the token the operation requires', async () => {
    fake = await startOpenApiFake({ spec: SPECS.x, handlers: { getUsersMe: () => ({ status: 200, body: { data: { id: '1' } } }) } });
    expect((await fetch(`${fake.url}/2/users/me`)).status).toBe(599);
    expect(fake.violations[0]).toMatch(/getUsersMe requires authorization/);
  });

  it('reports a status the document does not list for the operation', async () => {
    fake = await startOpenApiFake({ spec: SPECS.mastodon, handlers: { getStatus: () => ({ status: 418, body: { error: 'teapot' } }) } });
    expect((await fetch(`${fake.url}/api/v1/statuses/5`, { headers: auth })).status).toBe(599);
    expect(fake.violations[0]).toMatch(/status 418 is not documented/);
  });
});
