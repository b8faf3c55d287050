import { compileExplainable, explainSchemaErrors } from '../../scripts/validate/checks/schema-errors';

/** A recursive definition (a tree of nodes) beside a non-recursive one used in an anyOf, as in sfdx-project's schema. */
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    tree: { $ref: '#/definitions/node' },
    byName: { type: 'object', additionalProperties: { $ref: '#/definitions/size' } },
    size: { anyOf: [{ $ref: '#/definitions/size' }, { type: 'string' }] }
  },
  definitions: {
    node: {
      type: 'object',
      additionalProperties: false,
      properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/definitions/node' } } }
    },
    size: {
      type: 'object',
      additionalProperties: false,
      required: ['width'],
      properties: { width: { type: 'number' } }
    }
  }
};

function explain(data: unknown): Array<[string, string]> {
  const validate = compileExplainable(schema);
  expect(validate(data)).toBe(false);
  return explainSchemaErrors(validate, data).map((violation) => [violation.path.join('/'), violation.message]);
}

describe('schema error sentences', () => {
  it('keeps only the closest branch of an anyOf whose branch is a $ref', () => {
    expect(explain({ size: { widht: 3 } })).toEqual([
      ['size', "size: must have required property 'width'"],
      ['size/widht', "size: 'widht' property is not expected to be here. Did you mean property 'width'?"]
    ]);
  });

  it('names an unknown key deep inside a recursive definition, where the library cannot find the schema', () => {
    expect(explain({ tree: { name: 'a', children: [{ name: 'b', children: [{ nmae: 'c' }] }] } })).toEqual([
      ['tree/children/0/children/0/nmae', "tree.children[0].children[0]: 'nmae' property is not expected to be here"]
    ]);
  });

  it('names an unknown key inside a map of objects, where the library would cut the schema path short', () => {
    expect(explain({ byName: { small: { width: 1, colour: 'red' } } })).toEqual([
      ['byName/small/colour', "byName.small: 'colour' property is not expected to be here"]
    ]);
  });

  it('reports a wrong type at the top once, naming the key', () => {
    expect(explain({ tree: 'x' })).toEqual([['tree', "'tree' property type must be object"]]);
  });
});
