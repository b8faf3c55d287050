import { lineLocator } from './apex-source';
import { ObjectDef } from './catalog';
import { Findings, Site } from './findings';
import { nameKey } from './names';
import { parseSoql, SoqlQuery, SoqlSyntaxError } from './soql';

/**
 * Static SOQL in Apex classes and triggers: the object of every query and the fields of every clause must exist,
 * sub-queries must name child relationships of their parent, semi-joins objects that exist. apex-ls checks Apex
 * but not the fields inside SOQL, so this is what catches `SELECT Nope__c FROM Invoice__c` before an org does.
 */
export function checkApexSoql(findings: Findings, file: string): void {
  const { queries } = findings.files.apex(file);
  if (queries.length === 0) {
    return;
  }
  const lineOf = lineLocator(findings.files.text(file));
  for (const soql of queries) {
    const at = (offset: number, what: string): Site => ({ file, line: lineOf(soql.offset + offset), what });
    let query: SoqlQuery;
    try {
      query = parseSoql(soql.text);
    } catch (cause) {
      if (!(cause instanceof SoqlSyntaxError)) {
        throw cause;
      }
      findings.warning(at(cause.offset, 'static SOQL'), `was not checked: it does not parse here (${cause.message}).`);
      continue;
    }
    checkQuery(findings, at, query, undefined);
  }
}

function checkQuery(
  findings: Findings,
  at: (offset: number, what: string) => Site,
  query: SoqlQuery,
  parent: ObjectDef | undefined,
  parentAlias?: string
): void {
  const object = parent
    ? childObject(
        findings,
        at(query.fromOffset, 'static SOQL sub-query FROM'),
        parent,
        withoutParentQualifier(query.from, parent, parentAlias)
      )
    : findings.object(at(query.fromOffset, 'static SOQL FROM'), query.from);
  if (!object) {
    return;
  }
  for (const field of query.fields) {
    findings.fieldPath(at(field.offset, 'static SOQL'), object, ownPath(findings, object, query.alias, field.path));
  }
  for (const child of query.childQueries) {
    checkQuery(findings, at, child, object, query.alias);
  }
  for (const semiJoin of query.semiJoins) {
    checkQuery(findings, at, semiJoin, undefined);
  }
  checkTypeOfs(findings, at, query, object);
}

/** `TYPEOF What WHEN Account THEN Phone ...`: the relationship exists, each WHEN object and its fields exist. */
function checkTypeOfs(
  findings: Findings,
  at: (offset: number, what: string) => Site,
  query: SoqlQuery,
  object: ObjectDef
): void {
  for (const typeOf of query.typeOfs) {
    const relationship = ownPath(findings, object, query.alias, typeOf.relationship.path);
    findings.fieldPath(at(typeOf.relationship.offset, 'static SOQL TYPEOF'), object, relationship);
    for (const branch of typeOf.branches) {
      const target = findings.object(at(branch.objectOffset, 'static SOQL TYPEOF WHEN'), branch.object);
      if (!target) {
        continue;
      }
      for (const field of branch.fields) {
        findings.fieldPath(at(field.offset, 'static SOQL TYPEOF'), target, field.path);
      }
    }
  }
}

/** The object of a sub-query `(SELECT ... FROM Relationship)`: a child relationship of the parent object. */
function childObject(findings: Findings, at: Site, parent: ObjectDef, relationship: string): ObjectDef | undefined {
  if (parent.openFields) {
    return undefined;
  }
  const field = findings.catalog.field(parent, relationship);
  if (field?.kind === 'children' && field.targets.length === 1) {
    return findings.catalog.object(field.targets[0]);
  }
  const foreign = findings.catalog.foreignNamespace(relationship);
  if (foreign) {
    findings.warning(at, `names child relationship '${relationship}' of namespace '${foreign}' (not checked offline).`);
  } else {
    // A custom relationship named without its __r, or an object named instead of its relationship.
    const suffixed = findings.catalog.field(parent, `${relationship}__r`);
    const candidates = [
      ...(suffixed?.kind === 'children' ? [suffixed.name] : []),
      ...parent.childRelationshipsTo(relationship)
    ];
    const hint = candidates.length > 0 ? ` Did you mean ${candidates.join(' or ')}?` : '';
    if (parent.isStandard && candidates.length === 0 && !relationship.includes('__')) {
      // apex-ls's schema lists few standard child relationships (EntityDefinition.Fields is not there), so a
      // standard parent's unlisted relationship cannot be ruled out offline.
      findings.warning(
        at,
        `names '${relationship}', a child relationship of ${parent.name} that the standard schema the gate reads ` +
          '(apex-ls) does not list: not checked offline.'
      );
      return undefined;
    }
    findings.error(
      at,
      `names '${relationship}', which is not a child relationship of ${parent.name}: a sub-query reads the ` +
        `relationship name of a lookup to ${parent.name} (its <relationshipName> plus __r, or a standard one such as ` +
        `Contacts).${hint}`
    );
  }
  return undefined;
}

/**
 * A sub-query may name its relationship through the outer object or its alias (`FROM Account.Contacts`,
 * `FROM a.Contacts`): the relationship is the last part.
 */
function withoutParentQualifier(from: string, parent: ObjectDef, parentAlias: string | undefined): string {
  const dot = from.indexOf('.');
  if (dot < 0) {
    return from;
  }
  const qualifier = nameKey(from.slice(0, dot));
  const names = [parent.name, parentAlias].filter((name): name is string => Boolean(name)).map(nameKey);
  return names.includes(qualifier) ? from.slice(dot + 1) : from;
}

/** A path without its query alias or object-name prefix (`a.Name` in `FROM Account a`, `Account.Name`). */
function ownPath(findings: Findings, object: ObjectDef, alias: string | undefined, path: string): string {
  const dot = path.indexOf('.');
  if (dot < 0) {
    return path;
  }
  const first = nameKey(path.slice(0, dot));
  if (alias && first === nameKey(alias)) {
    return path.slice(dot + 1);
  }
  if (first === nameKey(object.name) && findings.catalog.resolvePath(object, path).status !== 'found') {
    return path.slice(dot + 1);
  }
  return path;
}
