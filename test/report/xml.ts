/**
 * A strict little XML reader for the tests: enough of XML 1.0 to prove junit.xml is well formed
 * (one root, matched tags, quoted attributes, only the five entities and character references,
 * no characters XML forbids) and to walk the tree.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export function parseXml(src: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(src.slice(i, i + 40))}`);
  };
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(src)) fail('character not allowed in XML');
  const decode = (s: string) =>
    s.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);|&/g, (m, ref: string | undefined) => {
      if (!ref) return fail('bare &');
      if (ref[0] === '#') return String.fromCodePoint(ref[1] === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      return named[ref] ?? fail(`unknown entity ${m}`);
    });
  const ws = () => {
    while (/\s/.test(src[i] ?? '')) i++;
  };
  if (src.startsWith('<?xml')) i = src.indexOf('?>') + 2;
  ws();
  const element = (): XmlElement => {
    const m = /^<([A-Za-z_][\w.-]*)/.exec(src.slice(i)) ?? fail('expected a start tag');
    i += m[0].length;
    const el: XmlElement = { name: m[1], attrs: {}, children: [], text: '' };
    for (;;) {
      ws();
      if (src.startsWith('/>', i)) return (i += 2), el;
      if (src[i] === '>') break;
      const a = /^([A-Za-z_][\w.-]*)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(src.slice(i)) ?? fail('bad attribute');
      if (a[1] in el.attrs) fail(`duplicate attribute ${a[1]}`);
      el.attrs[a[1]] = decode(a[3] ?? a[4]);
      i += a[0].length;
    }
    i++;
    for (;;) {
      const lt = src.indexOf('<', i);
      if (lt < 0) fail(`unclosed <${el.name}>`);
      el.text += decode(src.slice(i, lt));
      i = lt;
      if (src.startsWith(`</${el.name}>`, i)) return (i += el.name.length + 3), el;
      if (src.startsWith('</', i)) fail(`mismatched end tag in <${el.name}>`);
      el.children.push(element());
    }
  };
  const root = element();
  ws();
  if (i !== src.length) fail('content after the root element');
  return root;
}
