/**
 * A tenant's engine settings: its engines in order of preference and optional per-pair routes.
 * The schema validates what an admin sends; the compile-time check below keeps it in step with
 * the engines' own configuration types.
 */
import Type, { type Static } from 'typebox';
import { Compile } from 'typebox/compile';
import type { SecretBox } from '../secrets.js';
import type { EngineConfig } from './factory.js';
import type { Route } from './pivot.js';

const Url = Type.String({ pattern: '^https?://', maxLength: 500 });
const Secret = Type.String({ minLength: 1, maxLength: 500 });
const Formality = Type.Union([Type.Literal('default'), Type.Literal('more'), Type.Literal('less')]);
const closed = { additionalProperties: false } as const;

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
const _routesAgree: Route[] = [] as NonNullable<EngineSettings['routes']>;
void _configsAgree;
void _routesAgree;

export const DEFAULT_ENGINE_SETTINGS: EngineSettings = { engines: [{ kind: 'apertium' }] };

const validator = Compile(EngineSettingsSchema);

export class EngineSettingsError extends Error {
  override readonly name = 'EngineSettingsError';
}

/** Parses and validates settings given as JSON text or an object; throws with the first problem. */
export function parseEngineSettings(input: unknown): EngineSettings {
  const value = typeof input === 'string' ? JSON.parse(input) : input;
  if (validator.Check(value)) {
    const kinds = value.engines.map((engine) => engine.kind);
    const repeated = kinds.find((kind, index) => kinds.indexOf(kind) !== index);
    if (repeated) throw new EngineSettingsError(`engine "${repeated}" is listed twice`);
    return value;
  }
  const [first] = validator.Errors(value);
  throw new EngineSettingsError(
    first
      ? `engine settings ${first.instancePath || '/'}: ${first.message}`
      : 'invalid engine settings',
  );
}

/** Validates settings and seals them for storage: they hold the tenant's API keys. */
export function sealEngineSettings(
  box: SecretBox,
  input: unknown,
): { settings: EngineSettings; sealed: string } {
  const settings = parseEngineSettings(input);
  return { settings, sealed: box.seal(JSON.stringify(settings)) };
}

const SECRET_FIELDS = new Set([
  'authKey',
  'apiKey',
  'key',
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
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
