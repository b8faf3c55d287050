import { readFileSync } from 'node:fs';
import { openapiCheck } from '../../scripts/validate/checks/openapi';
import { Project } from '../../scripts/validate/core/project';
import { FixtureCopy, fixturePath } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const SPEC = 'docs/api/invoices.openapi.yaml';
const RESOURCE = 'force-app/main/default/classes/InvoiceResource.cls';
const BROKEN = readFileSync(fixturePath('openapi', 'broken.openapi.yaml'), 'utf8');

/** The 1-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  if (index < 0) {
    throw new Error(`no line contains ${JSON.stringify(needle)}`);
  }
  return index + 1;
}

describe('openapi check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('openapi/project')));
  afterEach(() => fixture.dispose());

  it('passes valid descriptions whose Apex REST paths match the classes (and ignores other APIs)', async () => {
    const outcome = await openapiCheck.run(new Project(fixture.root));
    expect(outcome.problems).toEqual([]);
    expect(outcome.filesSeen).toBe(3);
  });

  it('passes the shared clean fixture, which has neither descriptions nor REST classes', async () => {
    const clean = new FixtureCopy('clean-project');
    try {
      expect(await problemsOf(openapiCheck, clean)).toEqual([]);
    } finally {
      clean.dispose();
    }
  });

  it('fails an invalid description at the lines of its mistakes, once per mistake', async () => {
    fixture.write(SPEC, BROKEN);
    const errors = await errorsOf(openapiCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({
        file: SPEC,
        line: lineOf(BROKEN, "'ok':"),
        message: expect.stringMatching(/paths > \/invoices\/v1\/\{invoiceId\} > get > responses: .*"ok" is not allowed/)
      }),
      expect.objectContaining({
        file: SPEC,
        line: lineOf(BROKEN, 'type: obejct'),
        message: expect.stringMatching(
          /components > schemas > Invoice > type: must be equal to one of the allowed values/
        )
      })
    ]);
  });

  it('fails a $ref to a missing component at the line of the $ref', async () => {
    const spec = fixture
      .read(SPEC)
      .replace("$ref: '#/components/schemas/Invoice'", "$ref: '#/components/schemas/Bill'");
    fixture.write(SPEC, spec);
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({
        file: SPEC,
        line: lineOf(spec, '#/components/schemas/Bill'),
        message: expect.stringContaining('Missing $ref pointer "#/components/schemas/Bill"')
      })
    ]);
  });

  it('fails a remote $ref rather than fetching it (the gate is offline)', async () => {
    const spec = fixture
      .read(SPEC)
      .replace("$ref: '#/components/schemas/Invoice'", "$ref: 'https://schemas.example/invoice.json'");
    fixture.write(SPEC, spec);
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({
        file: SPEC,
        line: lineOf(spec, 'schemas.example'),
        message: expect.stringContaining('Unable to resolve $ref pointer')
      })
    ]);
  });

  it('fails YAML that does not parse at its line, without blaming the class for a path it cannot see', async () => {
    fixture.replace(SPEC, "  version: '1'\n", "  version: '1'\n  version: '2'\n");
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({
        file: SPEC,
        line: 5,
        message: expect.stringMatching(/not valid YAML: Map keys must be unique/)
      })
    ]);
  });

  it('fails when the class urlMapping and the description path disagree, at both ends', async () => {
    fixture.replace(
      RESOURCE,
      "@RestResource(urlMapping='/invoices/v1/*')",
      "@RestResource(urlMapping='/invoices/v2/*')"
    );
    const spec = fixture.read(SPEC);
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({
        file: RESOURCE,
        line: 5,
        message: expect.stringContaining("urlMapping '/invoices/v2/*' has no path in any OpenAPI description")
      }),
      expect.objectContaining({
        file: SPEC,
        line: lineOf(spec, '/invoices/v1/{invoiceId}:'),
        message: expect.stringContaining(
          'path /invoices/v1/{invoiceId} (/services/apexrest/invoices/v1/{invoiceId}) is served by no @RestResource class'
        )
      })
    ]);
  });

  it('matches paths case-sensitively, as Salesforce matches urlMappings', async () => {
    fixture.replace(SPEC, '  /invoices/v1/{invoiceId}:', '  /Invoices/v1/{invoiceId}:');
    const errors = await errorsOf(openapiCheck, fixture);
    expect(errors.map((problem) => problem.file).sort()).toEqual([SPEC, RESOURCE].sort());
  });

  it('fails a REST class that no description documents, however its annotation is spaced', async () => {
    const orders = 'force-app/main/default/classes/OrderResource.cls';
    fixture.write(
      orders,
      "/** @description Orders. */\n@RestResource( urlMapping = '/orders/*' )\nglobal with sharing class OrderResource {\n}\n"
    );
    fixture.write(`${orders}-meta.xml`, fixture.read(`${RESOURCE}-meta.xml`));
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({ file: orders, line: 2, message: expect.stringContaining("urlMapping '/orders/*'") })
    ]);
  });

  it('fails a described Apex REST path when no class serves any', async () => {
    fixture.remove(RESOURCE);
    fixture.remove(`${RESOURCE}-meta.xml`);
    expect(await errorsOf(openapiCheck, fixture)).toEqual([
      expect.objectContaining({ file: SPEC, message: expect.stringContaining('(urlMappings: none)') })
    ]);
  });
});
