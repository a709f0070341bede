// The report's time window and time zone, laid over every widget that sets none of its own.
import {
  type TimeWindow,
  parseTimeRange,
  parseTimezone,
  relativeStart
} from '../domain/time-window.js'
import { input } from './values.js'

export function readWindow(): TimeWindow {
  const range = input('time-range')
  const zone = input('timezone')
  const window: TimeWindow = {}
  if (range) {
    window.seconds = parseTimeRange(range, 'time-range')
    window.start = relativeStart(window.seconds)
  }
  if (zone) window.timezone = parseTimezone(zone, 'timezone')
  return window
}
