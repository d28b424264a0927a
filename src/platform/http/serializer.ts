import fastJson from 'fast-json-stringify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/**
 * The JSON Schema of a response as fast-json-stringify reads it, or null when the zod schema says
 * more than JSON Schema can (transforms, dates): those keep zod. OpenAPI 3.0 writes a nullable
 * field as `nullable: true`, which fast-json-stringify serializes directly, where the 2020-12
 * `anyOf` with null would make it test the value against each branch. Unions keep zod too:
 * fast-json-stringify picks their branch by validating with ajv, which does not read `nullable`
 * and so refused every contact restored from the trash.
 */
function jsonSchemaOf(schema: unknown): Record<string, unknown> | null {
  if (!(schema instanceof z.ZodType)) return null;
  try {
    const jsonSchema = z.toJSONSchema(schema, { io: 'output', target: 'openapi-3.0', unrepresentable: 'throw' });
    return /"(anyOf|oneOf|allOf)":/.test(JSON.stringify(jsonSchema)) ? null : jsonSchema;
  } catch {
    return null;
  }
}

/**
 * Writes responses with fast-json-stringify compiled from the route's zod schema: checking every
 * response with zod and then running JSON.stringify on it cost about a tenth of the CPU of
 * GET /contacts/:id (issue 2). Both put out the schema's properties in its order and drop others;
 * the response types are checked by the compiler instead of at run time.
 */
export const responseSerializerCompiler: typeof zodSerializerCompiler = (route) => {
  const jsonSchema = jsonSchemaOf(route.schema);
  if (!jsonSchema) return zodSerializerCompiler(route);
  try {
    return fastJson(jsonSchema);
  } catch {
    // A schema fast-json-stringify cannot compile (a reference it cannot resolve) keeps zod.
    return zodSerializerCompiler(route);
  }
};
