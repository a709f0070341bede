import fc from 'fast-check'
import { parse as parseYaml } from 'yaml'
import { readDocument, repeatedKey } from '../../src/inputs/document.js'
import { InputError } from '../../src/domain/errors.js'

describe('readDocument', () => {
  test('JSON, as JSON.parse reads it', async () => {
    expect(await readDocument('[{"metrics": [["AWS/EC2", "CPUUtilization"]]}]', 'widgets')).toEqual(
      [{ metrics: [['AWS/EC2', 'CPUUtilization']] }]
    )
  })

  test('YAML, when the text is not JSON', async () => {
    expect(await readDocument('- metrics: [[AWS/EC2, CPUUtilization]]\n', 'widgets')).toEqual([
      { metrics: [['AWS/EC2', 'CPUUtilization']] }
    ])
  })

  test('whatever JSON it is given, the same value as the YAML parser gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async value => {
        const text = JSON.stringify(value)
        expect(await readDocument(text, 'widgets')).toEqual(parseYaml(text))
      }),
      { numRuns: 500 }
    )
  })

  test.each([
    ['JSON', '{"metrics": [["a", "b"]], "title": "x", "metrics": []}', /key "metrics" twice/],
    ['YAML', 'metrics: [[a, b]]\nmetrics: []\n', /not valid YAML or JSON: Map keys must be unique/],
    ['neither', '{ metrics: [', /not valid YAML or JSON/]
  ])('%s with a problem is an InputError naming the input', async (_form, text, message) => {
    const reading = () => readDocument(text, 'widgets-file')
    expect(reading).toThrow(InputError)
    expect(reading).toThrow(message)
    expect(reading).toThrow(/^Input 'widgets-file'/)
  })
})

describe('repeatedKey', () => {
  test.each([
    ['{"a": 1, "b": 2}', undefined],
    ['{"a": 1, "a": 2}', 'a'],
    ['{"a": {"b": 1}, "b": 2}', undefined],
    ['{"a": {"b": 1, "b": 2}}', 'b'],
    ['[{"a": 1}, {"a": 2}]', undefined],
    ['{"a": ["a", "a"], "b": "a"}', undefined],
    ['{"a\\"": 1, "a\\u0022": 2}', 'a"'],
    ['{"x": "{\\"y\\": 1, \\"y\\": 2}"}', undefined],
    ['{ "k" : 1 , "k"\n:\t2 }', 'k']
  ])('%s → %s', (json, expected) => {
    expect(repeatedKey(json)).toBe(expected)
  })
})
