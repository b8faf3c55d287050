/** Loads an SFDX project into a ready runtime: parsed Apex, schema, security, labels, seeded org records. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TriggerDecl } from '../frontend/ast';
import { findApexSources, packageDirectories, parseCached } from '../frontend/parse';
import { Interpreter } from '../interpreter/interpreter';
import type { ClassInfo } from '../interpreter/objects';
import { ApexBlob, ApexDate, ApexDatetime, ApexDecimal, type Value } from '../interpreter/values';
import { loadSchema, SchemaModel } from '../schema';
import { loadSecurity, type SecurityModel } from '../security';
import { registerExceptions } from '../stdlib/exceptions';
import { ApexHost } from '../stdlib/host';
import { Platform } from '../stdlib/platform';
import { loadRecordFlows } from '../db/flows';
import { projectFlowFiles } from '../stdlib/invocable';

export interface LoadedProject {
  interp: Interpreter;
  platform: Platform;
  /** top-level classes by file */
  classes: { info: ClassInfo; file: string }[];
  triggers: { decl: TriggerDecl; file: string }[];
  /** problems met while loading (syntax errors, schema warnings), printed by the runner */
  problems: string[];
  sources: Map<string, string>;
}

export function loadProject(root: string, options: { useCache?: boolean } = {}): LoadedProject {
  const problems: string[] = [];
  const interp = new Interpreter();
  const host = new ApexHost(interp);
  interp.host = host;
  registerExceptions(interp);

  let schema: SchemaModel;
  try {
    schema = loadSchema({ root });
    for (const w of schema.warnings.slice(0, 20)) problems.push(`schema: ${w.file}: ${w.message}`);
  } catch (e) {
    problems.push(`schema not loaded: ${(e as Error).message}`);
    schema = new SchemaModel([], { names: () => [], build: () => undefined, prefixOwner: () => undefined }, [], []);
  }
  let security: SecurityModel | null = null;
  try {
    security = loadSecurity(schema, { root });
  } catch (e) {
    problems.push(`security model not loaded: ${(e as Error).message}`);
  }
  const platform = new Platform(interp, host, schema, security, loadLabels(root));
  host.platform = platform;

  const classes: LoadedProject['classes'] = [];
  const triggers: LoadedProject['triggers'] = [];
  const sources = new Map<string, string>();
  for (const src of findApexSources(root)) {
    sources.set(src.file, src.source);
    try {
      const unit = parseCached(src.source, src.isTrigger, options.useCache ?? true);
      if (unit.type) classes.push({ info: interp.addType(unit.type, src.file), file: src.file });
      if (unit.trigger) triggers.push({ decl: unit.trigger, file: src.file });
    } catch (e) {
      problems.push(`${path.relative(root, src.file)}: syntax error: ${(e as Error).message}`);
    }
  }
  interp.link();
  platform.projectClasses = classes
    .filter((c) => !c.info.outer)
    .map((c) => ({ name: c.info.name, body: sources.get(c.file) ?? '' }));
  for (const t of triggers) platform.addTrigger(t.decl, t.file);
  const flows = loadRecordFlows(root);
  problems.push(...flows.problems);
  platform.setFlows(flows.flows);
  platform.flowFiles = projectFlowFiles(root);
  platform.seedOrg();
  seedCustomMetadata(platform);
  seedCachePartitions(root, platform);
  seedStaticResources(root, platform);
  return { interp, platform, classes, triggers, problems, sources };
}

/**
 * Custom metadata records become rows, so SOQL and getAll()/getInstance() read them. A relationship to another custom
 * metadata type holds that record's Id (the XML names its DeveloperName); relationships to EntityDefinition and
 * FieldDefinition keep the API name.
 */
function seedCustomMetadata(platform: Platform): void {
  const schema = platform.schema;
  const idsByName = new Map<string, string>();
  const rows: { object: string; fields: Map<string, Value> }[] = [];
  for (const obj of schema.objects()) {
    if (obj.describe.kind !== 'customMetadata') continue;
    for (const rec of schema.customMetadataRecords(obj.describe.name)) {
      const id = platform.db.newId(obj);
      idsByName.set(`${obj.describe.name}.${rec.developerName}`.toLowerCase(), id);
      const fields = new Map<string, Value>([
        ['id', id],
        ['developername', rec.developerName],
        ['masterlabel', rec.label],
        ['label', rec.label],
        ['qualifiedapiname', rec.developerName],
        ['namespaceprefix', null]
      ]);
      for (const [name, text] of rec.values) {
        const f = schema.field(obj.describe.name, name);
        if (!f) continue;
        fields.set(f.name.toLowerCase(), metadataValue(f.apexType, text));
      }
      rows.push({ object: obj.describe.name, fields });
    }
  }
  for (const row of rows) {
    for (const f of schema.object(row.object)!.fields) {
      const target = f.referenceTo[0];
      if (f.type !== 'REFERENCE' || !target || schema.object(target)?.describe.kind !== 'customMetadata') continue;
      const text = row.fields.get(f.name.toLowerCase());
      if (typeof text !== 'string') continue;
      const devName = text.includes('.') ? text.slice(text.lastIndexOf('.') + 1) : text;
      row.fields.set(f.name.toLowerCase(), idsByName.get(`${target}.${devName}`.toLowerCase()) ?? null);
    }
    platform.db.put({ id: row.fields.get('id') as string, object: row.object, fields: row.fields, deleted: false });
  }
}

function metadataValue(apexType: string, text: string | null): Value {
  if (text === null) return null;
  switch (apexType) {
    case 'Boolean':
      return text === 'true';
    case 'Integer':
    case 'Long':
      return Number(text);
    case 'Decimal':
    case 'Double':
      return ApexDecimal.parse(text);
    case 'Date': {
      const [y, m, d] = text.split('-').map(Number);
      return new ApexDate(y, m, d);
    }
    case 'Datetime':
      return new ApexDatetime(Date.parse(text));
    default:
      return text;
  }
}

/** PlatformCachePartition rows from `cachePartitions/*.cachePartition-meta.xml`, so code can discover partitions. */
function seedCachePartitions(root: string, platform: Platform): void {
  const obj = platform.schema.object('PlatformCachePartition');
  if (!obj) return;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.cachePartition-meta.xml')) {
        const xml = fs.readFileSync(full, 'utf8');
        const id = platform.db.newId(obj);
        const name = e.name.replace(/\.cachePartition-meta\.xml$/, '');
        platform.db.put({
          id,
          object: obj.describe.name,
          fields: new Map<string, Value>([
            ['id', id],
            ['developername', name],
            ['masterlabel', /<masterLabel>([^<]*)<\/masterLabel>/.exec(xml)?.[1] ?? name],
            ['isdefaultpartition', /<isDefaultPartition>true<\/isDefaultPartition>/.test(xml)],
            ['namespaceprefix', null]
          ]),
          deleted: false
        });
      }
    }
  };
  for (const dir of packageDirectories(root)) walk(dir);
}

/** StaticResource rows (Name, ContentType, Body) from `staticresources/`, so code can query them. */
function seedStaticResources(root: string, platform: Platform): void {
  const obj = platform.schema.object('StaticResource');
  if (!obj) return;
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.resource-meta.xml')) {
        const name = e.name.replace(/\.resource-meta\.xml$/, '');
        const siblings = fs.readdirSync(dir).filter((f) => f.startsWith(name + '.') && !f.endsWith('-meta.xml'));
        const bodyFile = siblings.map((f) => path.join(dir, f)).find((f) => fs.statSync(f).isFile());
        const xml = fs.readFileSync(full, 'utf8');
        const id = platform.db.newId(obj);
        platform.db.put({
          id,
          object: obj.describe.name,
          fields: new Map<string, Value>([
            ['id', id],
            ['name', name],
            ['contenttype', /<contentType>([^<]*)<\/contentType>/.exec(xml)?.[1] ?? null],
            ['body', bodyFile ? new ApexBlob(fs.readFileSync(bodyFile)) : null],
            ['namespaceprefix', null]
          ]),
          deleted: false
        });
      }
    }
  };
  for (const dir of packageDirectories(root)) walk(dir);
}

/** Custom labels (`labels/*.labels-meta.xml`): fullName -> value. */
function loadLabels(root: string): Map<string, string> {
  const labels = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.name.endsWith('.labels-meta.xml')) {
        const xml = fs.readFileSync(full, 'utf8');
        for (const m of xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)) {
          const name = /<fullName>([^<]*)<\/fullName>/.exec(m[1])?.[1];
          const value = /<value>([\s\S]*?)<\/value>/.exec(m[1])?.[1];
          if (name && value !== undefined) labels.set(name.toLowerCase(), decodeXml(value));
        }
      }
    }
  };
  for (const dir of packageDirectories(root)) walk(dir);
  return labels;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
