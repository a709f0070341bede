// The message's "Alarms" part, built without I/O: a heading, then each alarm's line (name, state,
// for how long, why) right above its graph; composite alarms, and metric alarms whose graph
// failed, as their line alone; with `alarms: firing` and none firing, one line that says so.
import { ALARMS_HEADING, type Alarm, type AlarmsPart, NONE_FIRING, alarmText } from './alarms.js'
import type { Block, PostedGraph } from './message.js'
import { plural, truncate } from './text.js'

/** Slack refuses a section's text beyond this. */
const SECTION_TEXT = 3000

export function textBlock(text: string): Block {
  return { type: 'section', text: { type: 'mrkdwn', text: truncate(text, SECTION_TEXT) } }
}

function headingBlock(): Block {
  return { type: 'header', text: { type: 'plain_text', text: ALARMS_HEADING, emoji: true } }
}

/** The alarm's line, as a section block. */
export function alarmBlock(alarm: Alarm, part: AlarmsPart): Block {
  return textBlock(alarmText(alarm, part.readAt))
}

/**
 * The alarms part as units: the blocks of a unit stay in one message (an alarm's line and its
 * graph; the heading with the first alarm). `image` makes a graph's block.
 */
export function alarmUnits(
  part: AlarmsPart | undefined,
  graphs: readonly PostedGraph[],
  image: (graph: PostedGraph) => Block
): Block[][] {
  if (!part) return []
  const byArn = new Map(graphs.flatMap(graph => (graph.alarm ? [[graph.alarm.arn, graph]] : [])))
  const units = part.alarms.map(alarm => {
    const graph = byArn.get(alarm.arn)
    return graph ? [alarmBlock(alarm, part), image(graph)] : [alarmBlock(alarm, part)]
  })
  if (part.firing && part.alarms.length === 0) units.push([textBlock(NONE_FIRING)])
  const [first, ...rest] = units
  return first ? [[headingBlock(), ...first], ...rest] : []
}

/**
 * The alarms part as text only, for a message without the graphs (the header of a thread or of
 * uploaded files): the alarms whose graphs are not in `elsewhere`, at most `room` blocks.
 */
export function alarmTextBlocks(
  part: AlarmsPart | undefined,
  elsewhere: readonly PostedGraph[],
  room: number
): Block[] {
  if (!part) return []
  const shown = new Set(elsewhere.flatMap(graph => (graph.alarm ? [graph.alarm.arn] : [])))
  const lines = part.alarms
    .filter(alarm => !shown.has(alarm.arn))
    .map(alarm => alarmText(alarm, part.readAt))
  if (part.firing && part.alarms.length === 0) lines.push(NONE_FIRING)
  if (lines.length === 0) return []
  return [headingBlock(), ...packLines(lines, room - 1).map(textBlock)]
}

/** Lines joined into at most `room` texts of a section's length; what does not fit is counted. */
function packLines(lines: readonly string[], room: number): string[] {
  const texts: string[] = []
  for (const [index, line] of lines.entries()) {
    const last = texts.at(-1)
    if (last !== undefined && last.length + 2 + line.length <= SECTION_TEXT) {
      texts[texts.length - 1] = `${last}\n\n${line}`
    } else if (texts.length < Math.max(1, room)) {
      texts.push(line)
    } else {
      const note = `\n\n_…and ${plural(lines.length - index, 'more alarm')} not shown_`
      texts[texts.length - 1] = truncate(last ?? '', SECTION_TEXT - note.length) + note
      break
    }
  }
  return texts
}
