import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const isUseServer = (statements) =>
  statements.some((statement) => statement.directive === 'use server');

/**
 * A server action is a public endpoint: a 'use server' file exports only actions built by
 * guardedAction (app/_lib/guard.ts), which checks the origin, the user and the arguments.
 */
const guardedServerActions = {
  meta: {
    type: 'problem',
    schema: [],
    messages: {
      unguarded: "A 'use server' file exports only `export const name = guardedAction(...)`.",
      inline: "Declare server actions in a 'use server' file with guardedAction, not inline.",
    },
  },
  create(context) {
    const guarded = (declaration) =>
      declaration?.type === 'VariableDeclaration' &&
      declaration.declarations.every(
        ({ init }) => init?.type === 'CallExpression' && init.callee.name === 'guardedAction',
      );
    const typeOnly = (node) =>
      node.exportKind === 'type' ||
      /^TS(TypeAlias|Interface)Declaration$/.test(node.declaration?.type);
    const checkFunction = (node) => {
      if (node.body.type === 'BlockStatement' && isUseServer(node.body.body))
        context.report({ node, messageId: 'inline' });
    };
    return {
      Program(program) {
        if (!isUseServer(program.body)) return;
        for (const node of program.body) {
          if (!/^Export/.test(node.type) || typeOnly(node)) continue;
          if (node.type !== 'ExportNamedDeclaration' || !guarded(node.declaration))
            context.report({ node, messageId: 'unguarded' });
        }
      },
      FunctionDeclaration: checkFunction,
      FunctionExpression: checkFunction,
      ArrowFunctionExpression: checkFunction,
    };
  },
};

export default defineConfig([
  ...nextVitals,
  // Next.js's TypeScript preset is typescript-eslint's recommended set.
  ...nextTypescript,
  {
    plugins: { local: { rules: { 'guarded-server-actions': guardedServerActions } } },
    rules: {
      'local/guarded-server-actions': 'error',
      // `const { id: _id, ...rest } = row` is how this code drops a field from a copy.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      '@typescript-eslint/no-unused-expressions': 'error',
    },
  },
  {
    files: ['next.config.js'],
    // Next.js loads this file as CommonJS (the package has no "type": "module").
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  globalIgnores([
    '.next*/**',
    '.tmp-*/**',
    'e2e/.tmp/**',
    'test-results/**',
    'playwright-report/**',
    'coverage/**',
    'bench/.tmp/**',
    'bench/results/**',
    'next-env.d.ts',
  ]),
]);
