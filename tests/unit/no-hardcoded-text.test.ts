import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// UI text belongs in locales/*.yml. This scans the components' JSX for words typed inline:
// text between tags, string literals used as children, and the attributes people read.
const COMPONENTS_DIR = fileURLToPath(new URL('../../components/', import.meta.url));
const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'title', 'placeholder', 'alt']);
const hasWord = (text: string) => /\p{L}/u.test(text);

function inlineText(file: string, code: string): string[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    found.push(`${file}:${line + 1}: ${text.trim()}`);
  };
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWord(node.text)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && hasWord(node.expression.text)) {
      // Only as a child: `{'x'}` inside an attribute is an attribute value, not shown text.
      if (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer && ts.isStringLiteral(node.initializer) && hasWord(node.initializer.text)) {
      report(node, `${node.name.getText()}="${node.initializer.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('components', () => {
  const files = readdirSync(COMPONENTS_DIR).filter((file) => file.endsWith('.tsx') && !file.endsWith('.test.tsx'));

  it('are found, and the scan catches inline text', () => {
    expect(files.length).toBeGreaterThan(0);
    const sample = `const A = () => <p title="Hi">Save {'now'} · {i18n.t('x')}<>{\`later\`}</></p>;`;
    expect(inlineText('sample.tsx', sample)).toEqual(['sample.tsx:1: title="Hi"', 'sample.tsx:1: Save', 'sample.tsx:1: now', 'sample.tsx:1: later']);
  });

  it('take every UI string from the locale files', () => {
    expect(files.flatMap((file) => inlineText(file, readFileSync(path.join(COMPONENTS_DIR, file), 'utf8')))).toEqual([]);
  });
});
