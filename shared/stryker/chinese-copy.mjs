/**
 * A Stryker ignorer: no mutants are made from the user-facing Chinese copy of `src/`, that is
 *  - the label and message tables (`*_LABELS`, the error vocabulary `ERRORS`, `NOTICE_PHRASES`,
 *    `CLOCK_VERBS`), and
 *  - the messages handed to valibot (`v.string('请填写手机号')`, `v.check(fn, (issue) => `…`)`).
 * A mutant there turns one sentence into "" and a test that kills it would only repeat the copy.
 * The conditions, patterns and numbers around that copy are still mutated. docs/testing.md lists
 * what is left out and why.
 */
const TABLES = /_LABELS$|^ERRORS$|^NOTICE_PHRASES$|^CLOCK_VERBS$/;
const CHINESE = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/;

function isValibotCall(node) {
  return (
    node.type === 'CallExpression' &&
    node.callee.type === 'MemberExpression' &&
    node.callee.object.type === 'Identifier' &&
    node.callee.object.name === 'v'
  );
}

function textOf(node) {
  if (node.type === 'StringLiteral') return node.value;
  if (node.type === 'TemplateLiteral') return node.quasis.map((q) => q.value.cooked).join('');
  return null;
}

const copy = {
  shouldIgnore(path) {
    const node = path.node;
    if (node.type === 'VariableDeclarator' && node.id.type === 'Identifier') {
      return TABLES.test(node.id.name) ? `label table ${node.id.name}` : undefined;
    }
    const text = textOf(node);
    if (text === null || !CHINESE.test(text)) return undefined;
    const call = path.findParent((p) => p.isCallExpression());
    return call && isValibotCall(call.node) ? 'validation message' : undefined;
  },
};

// Stryker's plugin shape (`declareValuePlugin(PluginKind.Ignore, …)`), written out so that this
// file needs no import from @stryker-mutator/api, which pnpm keeps out of reach.
export const strykerPlugins = [{ kind: 'Ignore', name: 'ChineseCopy', value: copy }];
