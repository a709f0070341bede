// Any string yields a value or an InputError from the parsers: never a crash, never a wrong type.
import fc from 'fast-check'
import { parseDuration, parseExpiresIn } from '../../src/domain/durations.js'
import { InputError } from '../../src/domain/errors.js'
import { objectKeys, slugify } from '../../src/domain/naming.js'
import { buildMessages } from '../../src/domain/message.js'
import { parseGraphs } from '../../src/domain/widgets.js'
import { readDocument } from '../../src/inputs/document.js'

/** The graphs of a widgets text, as the inputs read it. */
const graphsOf = (text: string, input: string) => parseGraphs(readDocument(text, input), input)
import { effectiveExpiry } from '../../src/domain/signing.js'

/** Calls parse; passes when it returns a value `valid` accepts or throws an InputError. */
function valueOrInputError<T>(parse: () => T, valid: (value: T) => boolean): boolean {
  let value: T
  try {
    value = parse()
  } catch (error) {
    return error instanceof InputError && error.message.startsWith('Input ')
  }
  return valid(value)
}

const strings = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.json(),
  fc.constantFrom(
    '7d',
    '604800',
    '1s',
    '0',
    '-1',
    '1e3',
    '  12h ',
    '[',
    '{',
    '- -',
    '...',
    '~',
    '!!binary x'
  )
)

test('parseExpiresIn: 1..604800 seconds or an InputError', () => {
  fc.assert(
    fc.property(strings, text =>
      valueOrInputError(
        () => parseExpiresIn(text),
        seconds => Number.isInteger(seconds) && seconds >= 1 && seconds <= 604800
      )
    ),
    { numRuns: 2000 }
  )
})

test('parseDuration: a whole number of seconds or an InputError', () => {
  fc.assert(
    fc.property(strings, text =>
      valueOrInputError(
        () => parseDuration(text, 'timeout'),
        s => Number.isSafeInteger(s) && s >= 0
      )
    ),
    { numRuns: 2000 }
  )
})

test('parseGraphs: graphs with a name and a JSON widget, or an InputError', () => {
  const widgetLike = fc.record({
    metrics: fc.array(fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant('...')))),
    title: fc.option(fc.string(), { nil: undefined }),
    width: fc.option(fc.integer({ min: -5, max: 2500 }), { nil: undefined })
  })
  const documents = fc.oneof(
    strings,
    fc.array(widgetLike).map(list => JSON.stringify(list)),
    fc
      .array(fc.record({ name: fc.string(), widget: fc.oneof(widgetLike, fc.json()) }))
      .map(list => JSON.stringify(list))
  )
  fc.assert(
    fc.property(documents, text =>
      valueOrInputError(
        () => graphsOf(text, 'widgets'),
        graphs =>
          graphs.length > 0 &&
          graphs.every(graph => {
            const widget: unknown = JSON.parse(graph.metricWidget)
            return graph.name.length > 0 && typeof widget === 'object' && widget !== null
          })
      )
    ),
    { numRuns: 1500 }
  )
})

test('slugify and objectKeys: safe, distinct keys for any names', () => {
  fc.assert(
    fc.property(
      fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 120 }),
      names => {
        const slugs = names.map(slugify)
        const keys = objectKeys('p/', names, { runId: 1, runAttempt: 1 }, new Date())
        return (
          slugs.every(slug => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(slug)) &&
          new Set(keys).size === keys.length &&
          keys.every(key => /^p\/\d{4}\/\d{2}\/\d{2}\/1-1\/\d{2,3}-[a-z0-9-]+\.png$/.test(key))
        )
      }
    )
  )
})

test('buildMessages: every graph once, in order, never more than 50 blocks', () => {
  const expiry = effectiveExpiry({
    signedAt: new Date(),
    expiresInSeconds: 3600,
    kind: 'long-term'
  })
  fc.assert(
    fc.property(
      fc.array(fc.record({ name: fc.string({ minLength: 1 }), url: fc.webUrl() }), {
        minLength: 1,
        maxLength: 200
      }),
      graphs => {
        const messages = buildMessages({ text: 't', graphs, expiry })
        const urls = messages.flatMap(m =>
          m.blocks.filter(b => b.type === 'image').map(b => b.image_url)
        )
        return (
          messages.every(m => m.blocks.length <= 50) &&
          JSON.stringify(urls) ===
            JSON.stringify(graphs.filter(g => g.url.length <= 3000).map(g => g.url))
        )
      }
    )
  )
})
