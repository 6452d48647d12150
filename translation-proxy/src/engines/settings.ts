/**
 * A tenant's engine settings: its engines in order of preference and optional per-pair routes.
 * The schema validates what an admin sends; the compile-time check below keeps it in step with
 * the engines' own configuration types.
 */
import { createPrivateKey } from 'node:crypto';
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { SecretBox } from '../secrets.js';
import { engineUrlProblem, type EngineUrlPolicy } from './engine-urls.js';
import type { EngineConfig } from './factory.js';
import type { PairRoute } from './pivot.js';

const Url = Type.String({ pattern: '^https?://', maxLength: 500 });
const Secret = Type.String({ minLength: 1, maxLength: 500 });
const Formality = Type.Union([Type.Literal('default'), Type.Literal('more'), Type.Literal('less')]);
const closed = { additionalProperties: false } as const;

/** Google project ids (6–30 lower-case letters, digits, hyphens) or project numbers. */
const GoogleProjectId = Type.String({ pattern: '^([a-z][a-z0-9-]{4,28}[a-z0-9]|[0-9]{1,20})$' });
const GoogleLocation = Type.String({ pattern: '^[a-z0-9-]{1,50}$' });
/** The last part of `projects/…/locations/…/glossaries/{id}`: no slashes, nothing to escape. */
const GoogleGlossaryId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]*$', maxLength: 128 });
/** A service-account key file as Google's console downloads it; its other fields are ignored. */
const GoogleServiceAccountKey = Type.Object({
  type: Type.Literal('service_account'),
  client_email: Type.String({ pattern: '^[^@\\s]+@[^@\\s]+$', maxLength: 320 }),
  private_key: Type.String({ pattern: '^-----BEGIN PRIVATE KEY-----', maxLength: 10_000 }),
  private_key_id: Type.Optional(Type.String({ maxLength: 200 })),
  project_id: Type.Optional(Type.String({ maxLength: 100 })),
});

export const EngineConfigSchema = Type.Union([
  Type.Object({ kind: Type.Literal('apertium') }, closed),
  Type.Object(
    {
      kind: Type.Literal('deepl'),
      authKey: Secret,
      formalityDefault: Type.Optional(Formality),
      glossaries: Type.Optional(
        Type.Array(
          Type.Object({ source: Type.String(), target: Type.String(), id: Type.String() }, closed),
        ),
      ),
      serverUrl: Type.Optional(Url),
    },
    closed,
  ),
  Type.Object(
    { kind: Type.Literal('google'), apiKey: Secret, endpoint: Type.Optional(Url) },
    closed,
  ),
  Type.Object(
    {
      kind: Type.Literal('google'),
      projectId: GoogleProjectId,
      location: Type.Optional(GoogleLocation),
      serviceAccountKey: GoogleServiceAccountKey,
      glossaries: Type.Optional(
        Type.Array(
          Type.Object(
            {
              source: Type.String(),
              target: Type.String(),
              id: GoogleGlossaryId,
              ignoreCase: Type.Optional(Type.Boolean()),
            },
            closed,
          ),
          { maxItems: 200 },
        ),
      ),
      endpoint: Type.Optional(Url),
    },
    closed,
  ),
  Type.Object(
    {
      kind: Type.Literal('azure'),
      key: Secret,
      region: Type.Optional(Type.String({ maxLength: 100 })),
      endpoint: Type.Optional(Url),
      category: Type.Optional(Type.String({ maxLength: 200 })),
    },
    closed,
  ),
  Type.Object(
    {
      kind: Type.Literal('amazon'),
      region: Type.String({ minLength: 1, maxLength: 50 }),
      accessKeyId: Secret,
      secretAccessKey: Secret,
      sessionToken: Type.Optional(Type.String({ maxLength: 4000 })),
      terminologyNames: Type.Optional(Type.Array(Type.String())),
      formalityDefault: Type.Optional(Formality),
      endpoint: Type.Optional(Url),
    },
    closed,
  ),
  Type.Object(
    {
      kind: Type.Literal('libretranslate'),
      url: Url,
      apiKey: Type.Optional(Secret),
      charLimit: Type.Optional(Type.Integer({ minimum: 1 })),
      batchLimit: Type.Optional(Type.Integer({ minimum: 1 })),
    },
    closed,
  ),
  Type.Object({ kind: Type.Literal('apy'), url: Url }, closed),
]);

export const EngineSettingsSchema = Type.Object(
  {
    engines: Type.Array(EngineConfigSchema, { minItems: 1, maxItems: 10 }),
    routes: Type.Optional(
      Type.Array(
        Type.Object(
          {
            source: Type.String(),
            target: Type.String(),
            engines: Type.Array(Type.String(), { minItems: 1 }),
          },
          closed,
        ),
      ),
    ),
  },
  closed,
);

export type EngineSettings = Static<typeof EngineSettingsSchema>;

// Fails to compile when the schema and the engines' configuration types drift apart.
const _configsAgree: EngineConfig = {} as Static<typeof EngineConfigSchema>;
const _routesAgree: PairRoute[] = [] as NonNullable<EngineSettings['routes']>;
void _configsAgree;
void _routesAgree;

export type EngineKind = EngineSettings['engines'][number]['kind'];
/** Every engine kind a tenant can configure. */
export const ENGINE_KINDS: readonly EngineKind[] = [
  ...new Set(EngineConfigSchema.anyOf.map((schema) => schema.properties.kind.const as EngineKind)),
];

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { engines: [{ kind: 'apertium' }] };

const validator = Compile(EngineSettingsSchema);
/** One validator per shape of engine entry, to report a broken entry against its own kind. */
const entryValidators = EngineConfigSchema.anyOf.map((schema) => ({
  kind: schema.properties.kind.const as string,
  validator: Compile(schema),
}));

/**
 * The first problem of the first broken engine entry, judged against the shapes of its own
 * kind (the closest one, for Google's two editions): the union's own first error would name
 * whichever kind comes first in the schema.
 */
function engineEntryProblem(engines: unknown): string | undefined {
  if (!Array.isArray(engines)) return undefined;
  for (const [index, engine] of engines.entries()) {
    const kind = (engine as { kind?: unknown } | null)?.kind;
    const shapes = entryValidators.filter((entry) => entry.kind === kind);
    if (shapes.length === 0) return `engine settings /engines/${index}/kind: unknown engine kind`;
    const problems = shapes.map(({ validator }) => [...validator.Errors(engine)]);
    if (problems.some((errors) => errors.length === 0)) continue;
    const [first] = problems.sort((a, b) => a.length - b.length)[0]!;
    if (first) return `engine settings /engines/${index}${first.instancePath}: ${first.message}`;
  }
  return undefined;
}

export class EngineSettingsError extends Error {
  override readonly name = 'EngineSettingsError';
}

/** What Google would only refuse at the first translation, refused before anything is stored. */
function checkGoogleAdvanced(
  engine: Extract<EngineSettings['engines'][number], { projectId: string }>,
) {
  if (engine.glossaries?.length && (engine.location ?? 'global') === 'global')
    throw new EngineSettingsError(
      'engine settings google: glossaries need a regional "location" such as "us-central1", not "global"',
    );
  try {
    createPrivateKey(engine.serviceAccountKey.private_key);
  } catch {
    // The reason stays out of the message: OpenSSL's may quote the key.
    throw new EngineSettingsError(
      'engine settings google: serviceAccountKey.private_key is not a readable PEM private key',
    );
  }
}

const HTTPS_ONLY: EngineUrlPolicy = { allowHttp: false };

/** The fields of an engine entry that name a server the proxy will call. */
const URL_FIELDS = ['url', 'serverUrl', 'endpoint'] as const;

function checkUrls(engine: EngineSettings['engines'][number], policy: EngineUrlPolicy) {
  for (const field of URL_FIELDS) {
    const url = (engine as Partial<Record<(typeof URL_FIELDS)[number], string>>)[field];
    const problem = url === undefined ? undefined : engineUrlProblem(url, policy);
    if (problem)
      throw new EngineSettingsError(`engine settings ${engine.kind}: "${field}" ${problem}`);
  }
}

/**
 * Parses and validates settings given as JSON text or an object; throws with the first problem.
 * Stored settings are checked again when read, so turning PARLEY_ALLOW_HTTP_ENGINES off takes
 * plain-http engines out of service.
 */
export function parseEngineSettings(
  input: unknown,
  policy: EngineUrlPolicy = HTTPS_ONLY,
): EngineSettings {
  const value = typeof input === 'string' ? JSON.parse(input) : input;
  if (validator.Check(value)) {
    const kinds = value.engines.map((engine) => engine.kind);
    const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
    if (repeated) throw new EngineSettingsError(`engine "${repeated}" is listed twice`);
    for (const engine of value.engines) {
      checkUrls(engine, policy);
      if (engine.kind === 'google' && 'serviceAccountKey' in engine) checkGoogleAdvanced(engine);
    }
    return value;
  }
  const [first] = validator.Errors(value);
  throw new EngineSettingsError(
    engineEntryProblem((value as { engines?: unknown } | null)?.engines) ??
      (first
        ? `engine settings ${first.instancePath || '/'}: ${first.message}`
        : 'invalid engine settings'),
  );
}

/** Validates settings and seals them for storage: they hold the tenant's API keys. */
export function sealEngineSettings(
  box: SecretBox,
  input: unknown,
  policy: EngineUrlPolicy = HTTPS_ONLY,
): { settings: EngineSettings; sealed: string } {
  const settings = parseEngineSettings(input, policy);
  return { settings, sealed: box.seal(JSON.stringify(settings)) };
}

const SECRET_FIELDS = new Set([
  'authKey',
  'apiKey',
  'key',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'serviceAccountKey',
]);

/** The settings with every secret replaced, for display. */
export function redactEngineSettings(settings: EngineSettings): EngineSettings {
  return {
    ...settings,
    engines: settings.engines.map(
      (engine) =>
        Object.fromEntries(
          Object.entries(engine).map(([field, value]) => [
            field,
            SECRET_FIELDS.has(field) ? '[secret]' : value,
          ]),
        ) as EngineSettings['engines'][number],
    ),
  };
}
