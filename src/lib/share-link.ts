import { emptyContract } from '../domain/contract';
import { AGE_BANDS, type AudienceProfile } from '../domain/types';
import { upgradeOverrideKeys } from '../domain/legacy-keys';
import type { Plan, PlanCreatorLine } from '../domain/plan';
import { planOverLimits } from '../domain/limits';
import { planSchema } from './plan-schema';

export { readShareFragment, shareUrl } from './share-fragment';

/**
 * A plan in a link: `v2.` then the plan's JSON, deflated and written in base64url.
 *
 * The link is for clients, so it leaves out what is private or only the planner's: each
 * creator's contract checklist (agreed terms, notes, usage and exclusivity days), the contracts
 * kept for creators taken out of the plan, the shortlist, the plan's id and the plan it is a
 * scenario of. A decoded plan gets them back empty, and the id `SHARED_PLAN_ID`: saving it
 * means giving it an id of its own.
 *
 * 'deflate' rather than 'deflate-raw': its six more bytes carry an Adler-32 checksum, so a link
 * changed in transit fails to open instead of opening as a slightly different plan (raw deflate
 * has no check, and a flipped bit can turn "250000" into "250800").
 */
/**
 * v2 since the model's second edition (market keys, creators' audiences): an older Reachplan
 * says a v2 link was made by a newer version instead of refusing it as damaged. v1 links still open.
 */
const VERSION = 'v2';
const READABLE_VERSIONS: readonly string[] = ['v1', 'v2'];

/** The id every decoded plan has; a saved copy needs its own. */
export const SHARED_PLAN_ID = 'shared-plan';

/** More than any plan holds: inflating stops here, so a crafted link can't hang the tab. */
export const MAX_PLAN_BYTES = 2 * 1024 * 1024;

/** Longer than the deflated form of any plan under MAX_PLAN_BYTES would be, in base64url. */
const MAX_PAYLOAD_CHARS = 1_000_000;

/** Compressed bytes fed to the inflater at once: at most about 1 MB of output each, so the cap is checked often. */
const INFLATE_SLICE = 1024;

export type ShareLinkFailure = 'damaged' | 'version' | 'too-big' | 'not-a-plan' | 'unsupported';

export type DecodedSharedPlan = { ok: true; plan: Plan } | { ok: false; kind: ShareLinkFailure; reason: string };

/** What the receiver of a link that can't be opened is told, by cause. */
export const SHARE_LINK_REASONS: Record<ShareLinkFailure, string> = {
  damaged:
    'The link is incomplete or damaged, so the plan in it can’t be read. Chat apps sometimes cut long links short: ask the sender to send the link again, by email if it was long.',
  version: 'The link was made by a newer version of Reachplan. Reload the page to update Reachplan, then open the link again.',
  'too-big': 'The link holds far more data than any plan, so Reachplan stopped reading it.',
  'not-a-plan': 'The link opened, but what it holds isn’t a Reachplan plan.',
  unsupported: 'This browser can’t open share links. Open the link in an up-to-date Chrome, Edge, Firefox or Safari.',
};

type Bytes = Uint8Array<ArrayBuffer>;

/**
 * A creator's audience in a link: the six age shares in order, the female share, then each top
 * country and its share. Without names on every number, a 100-line plan's link stays near its
 * size before audiences came with the creators.
 */
type WireAudience = [number[], number, ...(string | number)[]];
type WireCreator = Omit<PlanCreatorLine, 'contract' | 'audience'> & { audience: WireAudience | null };
type WirePlan = Omit<Plan, 'id' | 'scenarioOf' | 'shortlist' | 'retiredContracts' | 'creators'> & { creators: WireCreator[] };

function audienceToWire(a: AudienceProfile | null): WireAudience | null {
  if (!a) return null;
  return [AGE_BANDS.map((b) => a.ageShares[b]), a.femaleShare, ...a.topCountries.flatMap((c) => [c.country, c.share])];
}

/** The audience a link carries, as the plan stores it; anything else passes through for the schema to refuse. */
function audienceFromWire(w: unknown): unknown {
  if (!Array.isArray(w)) return w;
  const [ages, femaleShare, ...countries] = w as unknown[];
  if (!Array.isArray(ages)) return w;
  const topCountries: { country: unknown; share: unknown }[] = [];
  for (let i = 0; i + 1 < countries.length; i += 2) topCountries.push({ country: countries[i], share: countries[i + 1] });
  return { ageShares: Object.fromEntries(AGE_BANDS.map((b, i) => [b, ages[i]])), femaleShare, topCountries };
}

function toWire(plan: Plan): WirePlan {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- each is left out of the link on purpose.
  const { id, scenarioOf, shortlist, retiredContracts, creators, ...rest } = plan;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the contract is private to the planner.
  return { ...rest, creators: creators.map(({ contract, audience, ...line }) => ({ ...line, audience: audienceToWire(audience) })) };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The wire form with the left-out fields back, empty; a link carrying them anyway has them replaced. */
function fromWire(data: unknown): unknown {
  if (!isRecord(data)) return data;
  return {
    ...data,
    // A v1 link may carry the first edition's single female share, age split or takeover rate.
    assumptionOverrides: upgradeOverrideKeys(data.assumptionOverrides, isRecord(data.targeting) ? data.targeting.countries : undefined),
    id: SHARED_PLAN_ID,
    scenarioOf: null,
    shortlist: [],
    retiredContracts: {},
    creators: Array.isArray(data.creators)
      ? data.creators.map((c: unknown) =>
          isRecord(c) ? { ...c, ...('audience' in c ? { audience: audienceFromWire(c.audience) } : {}), contract: emptyContract() } : c,
        )
      : data.creators,
  };
}

/**
 * The share payload of `plan` (URL-safe: letters, digits, `-`, `_` and one `.`), without its
 * private parts. Rejects where the browser has no CompressionStream.
 */
export async function encodeSharedPlan(plan: Plan): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(toWire(plan)));
  return `${VERSION}.${toBase64Url(await deflate(json))}`;
}

/**
 * The plan in a share payload, validated as a stored plan is; or why it can't be opened, in
 * words for the receiver. Never throws.
 */
export async function decodeSharedPlan(text: string): Promise<DecodedSharedPlan> {
  const fail = (kind: ShareLinkFailure): DecodedSharedPlan => ({ ok: false, kind, reason: SHARE_LINK_REASONS[kind] });
  const dot = text.indexOf('.');
  const version = dot === -1 ? '' : text.slice(0, dot);
  if (!/^v\d+$/.test(version)) return fail('damaged');
  if (!READABLE_VERSIONS.includes(version)) return fail('version');
  if (text.length > MAX_PAYLOAD_CHARS) return fail('too-big');
  const packed = fromBase64Url(text.slice(dot + 1));
  if (!packed || packed.length === 0) return fail('damaged');
  if (typeof DecompressionStream === 'undefined') return fail('unsupported');

  const inflated = await inflate(packed, MAX_PLAN_BYTES);
  if (inflated === 'too-big' || inflated === 'damaged') return fail(inflated);
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  } catch {
    return fail('not-a-plan');
  }
  const parsed = planSchema.safeParse(fromWire(data));
  if (!parsed.success) return fail('not-a-plan');
  // A plan past a limit (a two-million-character name, thousands of creators) is never stored.
  const over = planOverLimits(parsed.data);
  return over === null ? { ok: true, plan: parsed.data } : { ok: false, kind: 'too-big', reason: `The plan in this link is larger than Reachplan allows. ${over}` };
}

async function deflate(bytes: Bytes): Promise<Bytes> {
  const stream = new CompressionStream('deflate');
  const writer = stream.writable.getWriter();
  // Written while the output is read: a stream holds only so much before the writer waits.
  const writing = writer.write(bytes).then(() => writer.close());
  const chunks: Bytes[] = [];
  const reader = stream.readable.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  await writing;
  return concat(chunks);
}

/**
 * Inflates `bytes`, or stops as soon as the output passes `limit`. The input goes in small
 * slices while the output is counted, so a payload that inflates a thousandfold never
 * produces much more than `limit` before it is stopped.
 */
async function inflate(bytes: Bytes, limit: number): Promise<Bytes | 'too-big' | 'damaged'> {
  const stream = new DecompressionStream('deflate');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let at = 0; at < bytes.length; at += INFLATE_SLICE) {
      await writer.write(bytes.subarray(at, at + INFLATE_SLICE));
    }
    await writer.close();
  })();
  // Its failures show on the reading side too (damaged data), or follow our own cancel.
  writing.catch(() => {});

  const chunks: Bytes[] = [];
  let total = 0;
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      total += r.value.byteLength;
      if (total > limit) {
        await reader.cancel();
        return 'too-big';
      }
      chunks.push(r.value);
    }
    await writing;
  } catch {
    return 'damaged';
  }
  return concat(chunks);
}

function concat(chunks: Bytes[]): Bytes {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The bytes of canonical base64url text (no padding, unused bits zero), else null. */
function fromBase64Url(text: string): Bytes | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  // A changed last character can decode to the same bytes; it's still a changed link.
  return toBase64Url(bytes) === text ? bytes : null;
}
