// Reports an operation whose effective security (its own, else the document's) does not require an HTTP
// bearer scheme in every alternative. Runs on the unresolved document so `$ref`s to schemes stay visible.
'use strict';

module.exports = function bearerSecurity(operation, _options, context) {
  if (operation === null || typeof operation !== 'object') {
    return [];
  }

  const document = context.document.data || {};
  const schemes = (document.components && document.components.securitySchemes) || {};
  const own = Object.prototype.hasOwnProperty.call(operation, 'security');
  const security = own ? operation.security : document.security;
  const path = own ? [...context.path, 'security'] : context.path;
  if (!Array.isArray(security) || security.length === 0) {
    return [{ message: 'The operation requires no security; every RealtimeKit operation needs the bearer API token.', path }];
  }

  const results = [];
  security.forEach((requirement, index) => {
    const names = Object.keys(requirement || {});
    const bearer = names.some((name) => {
      const scheme = schemes[name];
      return scheme && scheme.type === 'http' && String(scheme.scheme || '').toLowerCase() === 'bearer';
    });
    if (!bearer) {
      results.push({
        message: `Security requirement ${names.length === 0 ? '{}' : names.join(', ')} is not an HTTP bearer scheme.`,
        path: own ? [...path, index] : path,
      });
    }
  });
  return results;
};
