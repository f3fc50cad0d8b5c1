/**
 * Spec-checked fakes of platform APIs for adapter tests. Mastodon and X cannot run on this machine (ENVIRONMENT.md,
 * "Real platform peers for tests"), so their published OpenAPI documents stand in for them: a fake is a loopback HTTP
 * server built from handlers keyed by operationId, and
 *  - every request the adapter sends is checked against the document's operation: the path and method exist, an
 *    Authorization header is present where the operation has security, the content type is one it documents, and
 *    path, query and header parameters and the body match their schemas (unknown query parameters are errors);
 *  - every reply a handler returns is checked against the documented response for its status: the status is
 *    documented, the body matches its schema, documented headers match theirs.
 * Any mismatch is recorded in `fake.violations` and answered with status 599, so a test whose fake or adapter has
 * drifted from the platform fails loudly instead of two misunderstandings agreeing with each other.
 *
 * Validation is openapi-backend (its router and Ajv). Its Ajv speaks JSON Schema draft-07, which also covers the
 * OpenAPI 3.1 Mastodon document: that document uses only draft-07-compatible keywords (type arrays with "null",
 * oneOf/allOf/anyOf, enum; no prefixItems, $defs, const, unevaluated*, if/then). `quick` mode skips openapi-backend's
 * own check of each document against the OpenAPI 3.0 meta-schema, which both documents fail on 3.1-isms.
 * Published documents have mistakes: `patches` correct a known one, each with the reason, so a correction is visible
 * in the test that needs it rather than a quiet loosening here.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { OpenAPIBackend, OpenAPIValidator, ValidationContext, type Operation } from 'openapi-backend';

const specDir = new URL('../../../../resources/platform-specs/', import.meta.url);
export const SPECS = {
  x: fileURLToPath(new URL('x-openapi.json', specDir)),
  mastodon: fileURLToPath(new URL('mastodon-openapi.json', specDir)),
} as const;

export type FakeFile = { filename: string; type: string; bytes: Uint8Array };
export type FakeRequest = {
  operationId: string;
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, unknown>;
  headers: IncomingMessage['headers'];
  /** Parsed JSON, or a form's text fields (files are in `files` and appear here as a short description). */
  body: any;
  files: Record<string, FakeFile>;
};
export type FakeReply = { status: number; body?: unknown; headers?: Record<string, string> };
export type FakeHandler = (req: FakeRequest) => FakeReply | Promise<FakeReply>;
/** A correction to a published document, with the reason (cite the platform's own docs). */
export type SpecPatch = { why: string; apply: (doc: any) => void };

export type OpenApiFake = {
  url: string;
  /** Every mismatch between traffic and document. Tests assert this is empty. */
  violations: string[];
  /** Every request that passed the checks, in order. */
  calls: FakeRequest[];
  callsTo(operationId: string): FakeRequest[];
  close(): Promise<void>;
};

// Parsing, dereferencing and compiling validators for a 1.4 MB document is the slow part: do it once per worker.
const backends = new Map<string, Promise<OpenAPIBackend>>();

function backendFor(spec: string, patches: SpecPatch[]): Promise<OpenAPIBackend> {
  const key = `${spec}\n${patches.map((p) => p.why).join('\n')}`;
  let backend = backends.get(key);
  if (!backend) {
    const doc = JSON.parse(readFileSync(spec, 'utf8'));
    for (const p of patches) p.apply(doc);
    const api = new OpenAPIBackend({ definition: doc, quick: true, strict: true, customizeAjv: (ajv) => addFormats(ajv, doc) });
    backend = api.init();
    backends.set(key, backend);
  }
  return backend;
}

/** The formats the documents use: checked where a wrong value would be real drift, accepted otherwise. */
function addFormats(ajv: any, doc: unknown) {
  const checks: Record<string, (s: string) => boolean> = {
    'date-time': (s) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:?\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
    date: (s) => /^\d{4}-\d\d-\d\d$/.test(s) && !Number.isNaN(Date.parse(s)),
    uri: (s) => URL.canParse(s),
    email: (s) => /^[^@\s]+@[^@\s]+$/.test(s),
    'iso-639-1': (s) => /^[a-z]{2,3}$/.test(s),
  };
  const used = new Set(JSON.stringify(doc).match(/"format":\s*"[^"]+"/g)?.map((m) => m.replace(/^"format":\s*"|"$/g, '')));
  for (const name of used) if (!ajv.formats[name]) ajv.addFormat(name, checks[name] ?? true);
  return ajv;
}

export async function startOpenApiFake(opts: { spec: string; handlers: Record<string, FakeHandler>; patches?: SpecPatch[] }): Promise<OpenApiFake> {
  const api = await backendFor(opts.spec, opts.patches ?? []);
  const violations: string[] = [];
  const calls: FakeRequest[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      violations.push(`${req.method} ${req.url}: the fake itself failed: ${String(e)}`);
      send(res, { status: 599, body: { error: 'openapi-fake failed' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toLowerCase();
    const fail = (what: string) => {
      violations.push(`${method.toUpperCase()} ${url.pathname}: ${what}`);
      send(res, { status: 599, body: { error: `openapi-fake: ${what}` } });
    };

    const op = api.router.matchOperation({ method, path: url.pathname, headers: {} });
    if (!op) return fail('no such operation in the document (undocumented path or method)');

    const security = (op.security ?? (api.definition as any).security ?? []) as object[];
    if (security.length > 0 && !security.some((s) => Object.keys(s).length === 0) && !req.headers.authorization) {
      return fail(`${op.operationId} requires authorization but the request has no Authorization header`);
    }

    const contentType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const documentedTypes = Object.keys((op.requestBody as any)?.content ?? {});
    let body: any = undefined;
    const files: Record<string, FakeFile> = {};
    if (raw.length > 0) {
      if (!documentedTypes.includes(contentType)) {
        return fail(`request body of type "${contentType || 'none'}"; ${op.operationId} documents ${documentedTypes.join(', ') || 'no body'}`);
      }
      if (contentType === 'application/json') {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          return fail('request body is not valid JSON');
        }
      } else {
        const form = await new Request(url, { method: 'POST', headers: { 'content-type': req.headers['content-type']! }, body: raw }).formData();
        const props = (op.requestBody as any).content[contentType].schema?.properties ?? {};
        body = {};
        for (const [name, value] of form) {
          if (typeof value === 'string') body[name] = formValue(value, props[name]);
          else {
            files[name] = { filename: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) };
            body[name] = `(file ${value.name}, ${value.type}, ${value.size} bytes)`;
          }
        }
      }
    }

    const checked = api.validator.validateRequest({ method, path: url.pathname, query: url.search.slice(1), headers: req.headers as any, body }, op);
    if (checked.errors?.length) return fail(`request does not match ${op.operationId}: ${describe(checked.errors)}`);

    const parsed = api.router.parseRequest({ method, path: url.pathname, query: url.search.slice(1), headers: req.headers as any, body }, op);
    const call: FakeRequest = { operationId: op.operationId!, method, path: url.pathname, params: parsed.params, query: parsed.query, headers: req.headers, body, files };
    const handler = opts.handlers[op.operationId!];
    if (!handler) return fail(`the test gave the fake no handler for ${op.operationId}`);
    calls.push(call);

    let reply: FakeReply;
    try {
      reply = await handler(call);
    } catch (e) {
      return fail(`handler for ${op.operationId} threw: ${String(e)}`);
    }
    const problem = checkReply(api, op, reply);
    if (problem) return fail(`reply ${reply.status} does not match ${op.operationId}: ${problem}`);
    send(res, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    violations,
    calls,
    callsTo: (id) => calls.filter((c) => c.operationId === id),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function checkReply(api: OpenAPIBackend, op: Operation, reply: FakeReply): string | null {
  const responses = (op.responses ?? {}) as Record<string, any>;
  const documented = responses[reply.status] ?? responses[`${Math.floor(reply.status / 100)}XX`] ?? responses.default;
  if (!documented) return `status ${reply.status} is not documented (documented: ${Object.keys(responses).join(', ')})`;
  const type = (reply.headers?.['content-type'] ?? 'application/json').split(';')[0]!.trim();
  const schema = documented.content?.[type]?.schema;
  if (reply.body === undefined) {
    if (documented.content?.['application/json']?.schema) return 'the documented body is missing';
  } else if (!documented.content) {
    return 'a body where the document has none';
  } else if (!documented.content[type]) {
    return `a ${type} body; the document has ${Object.keys(documented.content).join(', ')}`;
  } else if (type === 'application/json') {
    const r = api.validator.validateResponse(reply.body, op, reply.status);
    if (r.errors?.length) return describe(r.errors);
  } else if (schema) {
    // openapi-backend checks only application/json bodies; others (X's application/problem+json) are compiled here.
    const validate = (OpenAPIValidator as any).compileSchema(api.validator.getAjv(ValidationContext.Response), schema);
    if (!validate(reply.body)) return describe(validate.errors ?? []);
  }
  const h = api.validator.validateResponseHeaders(reply.headers ?? {}, op, { statusCode: reply.status, setMatchType: 'any' as any });
  return h.errors?.length ? `headers: ${describe(h.errors)}` : null;
}

/** A form sends every value as text; the document's type says what it means (OpenAPI 3, multipart encoding). */
function formValue(text: string, schema: any): unknown {
  const type = Array.isArray(schema?.type) ? schema.type.find((t: string) => t !== 'null') : schema?.type;
  if ((type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function describe(errors: Array<{ instancePath?: string; message?: string; params?: any }>): string {
  return errors
    .slice(0, 4)
    .map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`)
    .join('; ');
}

function send(res: ServerResponse, reply: FakeReply) {
  if (res.headersSent) return;
  res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
  res.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
}
