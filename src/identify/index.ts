export { identifyText } from './identify.js';
export { resolveDeclared, type DeclaredResolution } from './declared.js';
export { tokenize, normalizeText } from './normalize.mjs';
export { fingerprintText } from './fingerprint.mjs';
export { documentsExpression, type DocumentsExpression, type ExpressionPart } from './expression.js';
