// Decap CMS's YAML format (decap-cms-core 3.16, src/formats/yaml.ts and src/formats/helpers.ts, without types
// and without the field comments, which we do not configure) on the `yaml` package pinned in package.json.
// For tests/test_formatting.py. Reads a JSON list on stdin and writes a JSON list of results:
// {data, sortedKeys} → the text Decap saves (`toFile`, plus the final line break of `entryToRaw` in
// src/backend.ts); {text} → {data} Decap reads from it (`fromFile`), or {error} with yaml's messages;
// {text, yamlOnly: true} → the same from yaml alone (`parseDocument` with its defaults: the YAML 1.2 core
// schema), without what `fromFile` adds (a trailing `---` dropped, a timestamp tag).
// JSON has no infinite numbers and no NaN: both ways they travel as {"$number": "Infinity"} and the like.
'use strict';

const yaml = require('yaml');

function sortKeys(sortedKeys, selector = a => a) {
  return (a, b) => {
    const idxA = sortedKeys.indexOf(selector(a));
    const idxB = sortedKeys.indexOf(selector(b));
    if (idxA === -1 || idxB === -1) return 0;
    if (idxA > idxB) return 1;
    if (idxA < idxB) return -1;
    return 0;
  };
}

const timestampTag = {
  identify: value => value instanceof Date,
  default: true,
  tag: '!timestamp',
  test: RegExp(
    '^' +
      '([0-9]{4})-([0-9]{2})-([0-9]{2})' + // YYYY-MM-DD
      'T' + // T
      '([0-9]{2}):([0-9]{2}):([0-9]{2}(\\.[0-9]+)?)' + // HH:MM:SS(.ss)?
      'Z' + // Z
      '$',
  ),
  resolve: str => new Date(str),
  stringify: value => value.toISOString(),
};

function fromFile(content) {
  if (content && content.trim().endsWith('---')) {
    content = content.trim().slice(0, -3);
  }
  const doc = yaml.parseDocument(content, { customTags: [timestampTag], prettyErrors: true });
  if (doc.errors.length > 0) {
    const messages = doc.errors.map(e => e.message).join('\n');
    throw new Error(`YAML parsing error:\n${messages}`);
  }
  return doc.toJSON();
}

function toFile(data, sortedKeys = []) {
  const contents = yaml.createNode(data);
  contents.items.sort(sortKeys(sortedKeys, item => item.key?.toString()));
  const doc = new yaml.Document();
  doc.contents = contents;
  return doc.toString();
}

function entryToRaw(data, sortedKeys) {
  const content = toFile(data, sortedKeys);
  return content.slice(-1) != '\n' ? content + '\n' : content;
}

function yamlOnly(content) {
  const doc = yaml.parseDocument(content);
  if (doc.errors.length > 0) throw new Error(doc.errors.map(e => e.message).join('\n'));
  return doc.toJSON();
}

function parse(text, alone) {
  try {
    return { data: alone ? yamlOnly(text) : fromFile(text) };
  } catch (error) {
    return { error: error.message };
  }
}

const isSpecialNumber = value =>
  value !== null && typeof value === 'object' && Object.keys(value).length === 1 && '$number' in value;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => (input += chunk));
process.stdin.on('end', () => {
  const items = JSON.parse(input, (key, value) => (isSpecialNumber(value) ? Number(value.$number) : value));
  const results = items.map(item =>
    'text' in item ? parse(item.text, item.yamlOnly) : entryToRaw(item.data, item.sortedKeys),
  );
  process.stdout.write(
    JSON.stringify(results, (key, value) =>
      typeof value === 'number' && !Number.isFinite(value) ? { $number: String(value) } : value,
    ),
  );
});
