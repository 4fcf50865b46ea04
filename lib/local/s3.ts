/**
 * The local S3: s3rver (a real S3-compatible server in Node, objects on disk) behind a small front
 * that adds what s3rver leaves out and AWS does not, so a presigned URL is refused locally
 * whenever S3 would refuse it:
 *
 * - Signatures. s3rver verifies no Signature Version 4 at all (lib/middleware/authentication.js:
 *   "Signature version 4 calculation is unimplemeneted"), so an edited presigned URL (another
 *   key, a longer expiry) would still work. The front recomputes every signature, of the
 *   Authorization header and of presigned query strings, with the SDK's own signer, and answers
 *   SignatureDoesNotMatch, AccessDenied (expired) or RequestTimeTooSkewed as S3 does.
 * - POST policies. s3rver ignores the `policy` field of a browser POST. The front checks the
 *   policy's signature and expiration and every condition (`content-length-range`, `eq`,
 *   `starts-with`, exact matches, no extra fields) and answers EntityTooLarge, EntityTooSmall or
 *   AccessDenied as S3 does, before anything is stored.
 *   https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html
 * - Private buckets. An unsigned request is refused (AccessDenied), as Block Public Access makes
 *   S3 refuse it; CORS preflights (OPTIONS) go through, answered by s3rver from the bucket's CORS
 *   rules.
 *
 * What it does not check: payload hashes of signed requests (s3rver stores what it is sent) and
 * IAM (every known key may do everything, as a local account's root would).
 *
 * Path-style only (`/<bucket>/<key>`): the SDK uses it for an IP-address endpoint such as this
 * one (shared/kit/aws/s3-client.ts says why that is no local branch).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { Agent, createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignatureV4 } from '@smithy/signature-v4';
import S3rver from 's3rver';
import type { RunningService } from './contracts';
import { closeServer, listen } from './http';

export type S3Credentials = { accessKeyId: string; secretAccessKey: string };

export type CorsRule = {
  allowedOrigins: readonly string[];
  allowedMethods: readonly string[];
  allowedHeaders: readonly string[];
  exposedHeaders: readonly string[];
  maxAgeSeconds: number;
};

export type LocalS3 = RunningService;

type LocalS3Options = {
  port: number;
  buckets: readonly string[];
  /** The keys it accepts (the functions' and the tests' credentials). */
  credentials: readonly S3Credentials[];
  cors?: CorsRule;
  /** Objects are kept here; none: in a temporary directory removed on stop. */
  dataDir?: string;
  /** A POST body larger than this is refused before it is parsed (S3's own limit is 5 GB). */
  maxPostBytes?: number;
};

/** The largest browser POST the local S3 holds in memory to check its policy. */
export const LOCAL_MAX_POST_BYTES = 64 * 1024 * 1024;
/** S3 refuses a header-signed request whose date is further than this from its clock. */
const MAX_SKEW_MS = 15 * 60 * 1000;
/** s3rver knows one account; the front, having checked the caller's signature, speaks to it as that one. */
const S3RVER_KEY = 'S3RVER';
const ALGORITHM = 'AWS4-HMAC-SHA256';
/** Form fields S3 keeps from a POST upload (the rest only serve the policy). */
const STORED_POST_FIELDS = new Set([
  'key',
  'content-type',
  'cache-control',
  'content-disposition',
  'content-encoding',
  'expires',
  'success_action_status',
  'success_action_redirect',
]);

class S3Failure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const denied = (message: string) => new S3Failure(403, 'AccessDenied', message);

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const directory = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'moneta-s3-')));
  await mkdir(directory, { recursive: true });
  const backend = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: opts.buckets.map((name) => ({
      name,
      configs: opts.cors ? [corsConfigurationXml(opts.cors)] : [],
    })),
  });
  const { port: backendPort } = await backend.run();
  // No keep-alive towards s3rver, so stopping it never waits for an idle socket.
  const agent = new Agent({ keepAlive: false });
  const secrets = new Map(opts.credentials.map((c) => [c.accessKeyId, c.secretAccessKey]));
  const maxPostBytes = opts.maxPostBytes ?? LOCAL_MAX_POST_BYTES;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof S3Failure) return sendError(res, error);
      console.error('[s3] request failed:', error instanceof Error ? error.message : error);
      if (!res.headersSent) sendError(res, new S3Failure(500, 'InternalError', 'The local S3 failed'));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    if (req.method === 'OPTIONS') return forward(req, res, url);
    const isFormPost =
      req.method === 'POST' &&
      /^\/[^/]+\/?$/.test(url.pathname) &&
      (req.headers['content-type'] ?? '').toLowerCase().startsWith('multipart/form-data');
    if (isFormPost) return postObject(req, res, url);
    if (url.searchParams.has('X-Amz-Signature')) await verifyPresigned(req, url, secrets);
    else if (req.headers.authorization) await verifyHeaderSigned(req, url, secrets);
    else throw denied('Access Denied');
    return forward(req, res, url);
  }

  /** Hands a verified request to s3rver, under s3rver's own key, and streams its answer back. */
  function forward(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const headers = { ...req.headers };
    const query = new URLSearchParams(url.search);
    if (req.method !== 'OPTIONS') {
      for (const name of [...query.keys()]) {
        if (/^x-amz-(algorithm|credential|date|expires|signedheaders|signature|content-sha256)$/i.test(name)) {
          query.delete(name);
        }
      }
      const now = amzDate(new Date());
      headers.authorization = `${ALGORITHM} Credential=${S3RVER_KEY}/${now.slice(0, 8)}/local/s3/aws4_request, SignedHeaders=host, Signature=0`;
      headers['x-amz-date'] = now;
      headers['x-amz-content-sha256'] ??= 'UNSIGNED-PAYLOAD';
    }
    const search = query.toString();
    return new Promise((resolve, reject) => {
      const upstream = httpRequest(
        {
          host: '127.0.0.1',
          port: backendPort,
          method: req.method,
          path: `${url.pathname}${search ? `?${search}` : ''}`,
          headers,
          agent,
        },
        (answer) => {
          // s3rver answers every allowed preflight with `*`; S3 echoes the origin unless the rule is `*`.
          const origin = req.headers.origin;
          if (
            req.method === 'OPTIONS' &&
            origin &&
            answer.statusCode === 200 &&
            !opts.cors?.allowedOrigins.includes('*')
          ) {
            answer.headers['access-control-allow-origin'] = origin;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () => resolve());
          answer.on('error', reject);
        },
      );
      upstream.on('error', reject);
      req.pipe(upstream);
    });
  }

  /** A browser POST upload: the policy checked as S3 checks it, then the object stored. */
  async function postObject(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const bucket = decodeURIComponent(url.pathname.replace(/^\/|\/$/g, ''));
    const body = await readBody(req, maxPostBytes);
    const form = await new Response(new Uint8Array(body), {
      headers: { 'content-type': req.headers['content-type'] ?? '' },
    })
      .formData()
      .catch(() => {
        throw new S3Failure(
          400,
          'MalformedPOSTRequest',
          'The body of your POST request is not well-formed multipart/form-data.',
        );
      });
    // S3 reads the fields before the file and ignores any after it; field names are case-insensitive.
    const fields = new Map<string, string>();
    let file: File | undefined;
    for (const [name, value] of form.entries()) {
      if (name.toLowerCase() === 'file') {
        if (typeof value === 'string') file = new File([value], 'file');
        else file = value;
        break;
      }
      if (typeof value === 'string') fields.set(name.toLowerCase(), value);
    }
    if (!file) throw new S3Failure(400, 'InvalidArgument', 'POST requires exactly one file upload per request.');
    await checkPostPolicy({ bucket, fields, size: file.size, secrets });

    const stored = new FormData();
    for (const [name, value] of fields) {
      if (STORED_POST_FIELDS.has(name) || name.startsWith('x-amz-meta-')) stored.append(name, value);
    }
    stored.append('file', file, file.name || 'file');
    const answer = await fetch(`http://127.0.0.1:${backendPort}/${encodeURIComponent(bucket)}`, {
      method: 'POST',
      body: stored,
    });
    const headers: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'keep-alive'].includes(name)) headers[name] = value;
    });
    res.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()));
  }

  await listen(server, opts.port);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await closeServer(server);
      if (backend.httpServer) await closeServer(backend.httpServer);
      agent.destroy();
      if (!opts.dataDir) await rm(directory, { recursive: true, force: true });
    },
  };
}

function sendError(res: ServerResponse, failure: S3Failure): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${failure.code}</Code><Message>${escapeXml(failure.message)}</Message><RequestId>${randomHex(8)}</RequestId></Error>`;
  // The body was not read (or not all of it): close the connection rather than drain it.
  res.writeHead(failure.status, { 'content-type': 'application/xml', connection: 'close' }).end(xml);
}

const escapeXml = (text: string) =>
  text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c);
const randomHex = (bytes: number) => randomBytes(bytes).toString('hex').toUpperCase();

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () =>
    new S3Failure(
      400,
      'EntityTooLarge',
      `Your proposed upload exceeds the local S3's limit of ${limit} bytes per POST`,
    );
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** `20261206T163914Z`, the form of X-Amz-Date. */
function amzDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function parseAmzDate(value: string | undefined): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) throw denied("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
  const [, y, mo, d, h, mi, s] = match;
  return new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
}

type Scope = { accessKeyId: string; shortDate: string; region: string; service: string };

/** `local/20261206/eu-west-1/s3/aws4_request` → its parts; refuses an unknown key or another service. */
function parseCredential(credential: string | undefined, secrets: ReadonlyMap<string, string>): Scope {
  const [accessKeyId = '', shortDate = '', region = '', service = '', terminator] = (credential ?? '').split('/');
  if (!secrets.has(accessKeyId)) {
    throw new S3Failure(403, 'InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.');
  }
  if (service !== 's3' || terminator !== 'aws4_request' || !/^\d{8}$/.test(shortDate) || region === '') {
    throw new S3Failure(400, 'AuthorizationHeaderMalformed', `Malformed credential scope: ${credential}`);
  }
  return { accessKeyId, shortDate, region, service };
}

function signerFor(scope: Scope, secrets: ReadonlyMap<string, string>): SignatureV4 {
  return new SignatureV4({
    credentials: { accessKeyId: scope.accessKeyId, secretAccessKey: secrets.get(scope.accessKeyId) ?? '' },
    region: scope.region,
    service: 's3',
    sha256: NodeSha256,
    // S3 signs the path as sent, encoded once (every other service encodes it twice).
    uriEscapePath: false,
  });
}

function sameSignature(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

const mismatch = () =>
  new S3Failure(
    403,
    'SignatureDoesNotMatch',
    'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
  );

/** The query as the signer takes it: decoded values, repeated names as lists. */
function queryOf(url: URL, leaveOut: readonly string[]): Record<string, string | string[]> {
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    if (leaveOut.includes(name)) continue;
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  return query;
}

function signedHeaderValues(req: IncomingMessage, names: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of names) {
    const value = req.headers[name];
    if (value === undefined) throw mismatch();
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return headers;
}

async function verifyPresigned(req: IncomingMessage, url: URL, secrets: ReadonlyMap<string, string>): Promise<void> {
  const params = url.searchParams;
  if (params.get('X-Amz-Algorithm') !== ALGORITHM) {
    throw new S3Failure(400, 'AuthorizationQueryParametersError', 'X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  }
  const scope = parseCredential(params.get('X-Amz-Credential') ?? undefined, secrets);
  const signedAt = parseAmzDate(params.get('X-Amz-Date') ?? undefined);
  const expiresIn = Number(params.get('X-Amz-Expires'));
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > 604_800) {
    throw new S3Failure(400, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be from 1 to 604800 seconds');
  }
  if (Date.now() > signedAt.getTime() + expiresIn * 1000) throw denied('Request has expired');
  const signedHeaders = (params.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
  // Presigned URLs sign an unsigned payload; the SDK says so in X-Amz-Content-Sha256 when it hoists it.
  const hoisted = params.get('X-Amz-Content-Sha256');
  // Spelled as the SDK spells it: the signer hoists it back into the query under this very name.
  const headers = { ...signedHeaderValues(req, signedHeaders), 'X-Amz-Content-Sha256': hoisted ?? 'UNSIGNED-PAYLOAD' };
  const resigned = await signerFor(scope, secrets).presign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: queryOf(url, ['X-Amz-Signature', 'X-Amz-Content-Sha256']),
      headers,
    },
    {
      signingDate: signedAt,
      expiresIn,
      signableHeaders: new Set(signedHeaders),
      ...(hoisted === null
        ? {
            unhoistableHeaders: new Set(['x-amz-content-sha256']),
            unsignableHeaders: new Set(['x-amz-content-sha256']),
          }
        : {}),
    },
  );
  const expected = resigned.query?.['X-Amz-Signature'];
  if (typeof expected !== 'string' || !sameSignature(params.get('X-Amz-Signature') ?? '', expected)) throw mismatch();
}

async function verifyHeaderSigned(req: IncomingMessage, url: URL, secrets: ReadonlyMap<string, string>): Promise<void> {
  const header = req.headers.authorization ?? '';
  const match = /^AWS4-HMAC-SHA256 Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/.exec(
    header,
  );
  if (!match) {
    throw new S3Failure(400, 'AuthorizationHeaderMalformed', 'The authorization header is malformed.');
  }
  const [, credential, signedHeaderList = '', signature = ''] = match;
  const scope = parseCredential(credential, secrets);
  const signedAt = parseAmzDate(String(req.headers['x-amz-date'] ?? ''));
  if (Math.abs(Date.now() - signedAt.getTime()) > MAX_SKEW_MS) {
    throw new S3Failure(
      403,
      'RequestTimeTooSkewed',
      'The difference between the request time and the current time is too large.',
    );
  }
  const signedHeaders = signedHeaderList.split(';');
  const signed = await signerFor(scope, secrets).sign(
    {
      method: req.method ?? 'GET',
      protocol: 'http:',
      hostname: url.hostname,
      path: url.pathname,
      query: queryOf(url, []),
      headers: signedHeaderValues(req, signedHeaders),
    },
    { signingDate: signedAt, signableHeaders: new Set(signedHeaders) },
  );
  const expected = /Signature=([0-9a-f]+)/.exec(String(signed.headers.authorization))?.[1] ?? '';
  if (!sameSignature(signature, expected)) throw mismatch();
}

type PolicyCheck = {
  bucket: string;
  fields: ReadonlyMap<string, string>;
  size: number;
  secrets: ReadonlyMap<string, string>;
};

/** S3's checks of a POST policy, in S3's order: signature, expiration, size, conditions, extra fields. */
async function checkPostPolicy({ bucket, fields, size, secrets }: PolicyCheck): Promise<void> {
  const policy = fields.get('policy');
  if (!policy) throw denied('Bucket POST must contain a field named policy (this bucket is not public).');
  if (fields.get('x-amz-algorithm') !== ALGORITHM) throw denied('Invalid according to Policy: X-Amz-Algorithm');
  const scope = parseCredential(fields.get('x-amz-credential'), secrets);
  const signedAt = parseAmzDate(fields.get('x-amz-date'));
  const expected = await signerFor(scope, secrets).sign(policy, {
    signingDate: signedAt,
    signingRegion: scope.region,
    signingService: 's3',
  });
  if (!sameSignature(fields.get('x-amz-signature') ?? '', expected)) throw mismatch();

  let document: { expiration?: unknown; conditions?: unknown };
  try {
    document = JSON.parse(Buffer.from(policy, 'base64').toString('utf8'));
  } catch {
    throw new S3Failure(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid JSON.');
  }
  const expiration = typeof document.expiration === 'string' ? Date.parse(document.expiration) : Number.NaN;
  if (!Number.isFinite(expiration))
    throw new S3Failure(400, 'InvalidPolicyDocument', 'Invalid Policy: Invalid expiration.');
  if (Date.now() > expiration) throw denied('Invalid according to Policy: Policy expired.');
  if (!Array.isArray(document.conditions)) {
    throw new S3Failure(400, 'InvalidPolicyDocument', 'Invalid Policy: Missing required field conditions.');
  }

  const fieldValue = (field: string) => (field === 'bucket' ? (fields.get('bucket') ?? bucket) : fields.get(field));
  const covered = new Set<string>();
  const failed = (condition: unknown) =>
    denied(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
  for (const condition of document.conditions as unknown[]) {
    if (Array.isArray(condition) && condition[0] === 'content-length-range') {
      const [, min, max] = condition as [string, number, number];
      if (size > Number(max))
        throw new S3Failure(400, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size');
      if (size < Number(min))
        throw new S3Failure(400, 'EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size');
      continue;
    }
    if (Array.isArray(condition)) {
      const [operator, target, expectedValue] = condition as [string, string, string];
      const field = String(target).replace(/^\$/, '').toLowerCase();
      covered.add(field);
      const actual = fieldValue(field) ?? '';
      const holds =
        String(operator).toLowerCase() === 'eq'
          ? actual === expectedValue
          : String(operator).toLowerCase() === 'starts-with'
            ? actual.startsWith(expectedValue)
            : false;
      if (!holds) throw failed(condition);
      continue;
    }
    if (condition !== null && typeof condition === 'object') {
      for (const [name, expectedValue] of Object.entries(condition)) {
        const field = name.toLowerCase();
        covered.add(field);
        if (fieldValue(field) !== expectedValue) throw failed(condition);
      }
      continue;
    }
    throw new S3Failure(400, 'InvalidPolicyDocument', `Invalid Policy: Invalid condition ${JSON.stringify(condition)}`);
  }
  const exempt = (name: string) => ['policy', 'x-amz-signature', 'file'].includes(name) || name.startsWith('x-ignore-');
  const extra = [...fields.keys()].filter((name) => !exempt(name) && !covered.has(name));
  if (extra.length > 0) throw denied(`Invalid according to Policy: Extra input fields: ${extra.join(', ')}`);
}

/** The bucket's CORS rules as s3rver reads them (PutBucketCors's XML). */
function corsConfigurationXml(rule: CorsRule): string {
  const tags = (tag: string, values: readonly string[]) =>
    values.map((v) => `<${tag}>${escapeXml(v)}</${tag}>`).join('');
  return `<CORSConfiguration><CORSRule>${tags('AllowedOrigin', rule.allowedOrigins)}${tags(
    'AllowedMethod',
    rule.allowedMethods,
  )}${tags('AllowedHeader', rule.allowedHeaders)}${tags('ExposeHeader', rule.exposedHeaders)}<MaxAgeSeconds>${
    rule.maxAgeSeconds
  }</MaxAgeSeconds></CORSRule></CORSConfiguration>`;
}

type SourceData = string | ArrayBuffer | ArrayBufferView;
const bytesOf = (data: SourceData): Buffer =>
  typeof data === 'string'
    ? Buffer.from(data, 'utf8')
    : ArrayBuffer.isView(data)
      ? Buffer.from(data.buffer, data.byteOffset, data.byteLength)
      : Buffer.from(new Uint8Array(data));

/** SHA-256 and HMAC-SHA-256 from node:crypto, in the shape the signer takes. */
class NodeSha256 {
  private hash;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh() {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', bytesOf(this.secret));
  }
  update(data: SourceData): void {
    this.hash.update(bytesOf(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {
    this.hash = this.fresh();
  }
}
