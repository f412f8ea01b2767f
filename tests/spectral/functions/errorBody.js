// Reports a documented 4xx/5xx response (or `default`) whose body is not RealtimeKit's error body: an
// application/json schema that is, or is an allOf of, the `schema` option's $ref. Runs on the unresolved
// document and follows response $refs itself, so it sees which schema is referenced.
'use strict';

function resolve(document, node) {
  const seen = new Set();
  let current = node;
  while (current && typeof current === 'object' && typeof current.$ref === 'string' && current.$ref.startsWith('#/')) {
    if (seen.has(current.$ref)) {
      return undefined;
    }
    seen.add(current.$ref);
    current = current.$ref
      .slice(2)
      .split('/')
      .map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'))
      .reduce((value, key) => (value && typeof value === 'object' ? value[key] : undefined), document);
  }
  return current;
}

function isErrorSchema(schema, wanted) {
  if (!schema || typeof schema !== 'object') {
    return false;
  }
  if (schema.$ref === wanted) {
    return true;
  }
  return Array.isArray(schema.allOf) && schema.allOf.some((part) => part && part.$ref === wanted);
}

module.exports = function errorBody(responses, options, context) {
  if (responses === null || typeof responses !== 'object') {
    return [];
  }

  const wanted = (options && options.schema) || '#/components/schemas/RealtimeKitError';
  const document = context.document.data || {};
  const results = [];
  for (const status of Object.keys(responses)) {
    if (!/^[45](\d\d|XX)$/.test(status) && status !== 'default') {
      continue;
    }
    const response = resolve(document, responses[status]);
    const json = response && response.content && response.content['application/json'];
    if (!json) {
      results.push({ message: `Response ${status} documents no application/json body; expected RealtimeKit's error body (${wanted}).`, path: [...context.path, status] });
    } else if (!isErrorSchema(json.schema, wanted)) {
      results.push({ message: `Response ${status} does not use RealtimeKit's error body (${wanted}).`, path: [...context.path, status] });
    }
  }
  return results;
};
