// A typed fake of @actions/core, as actions/typescript-action keeps one: a test hands it to
// jest.unstable_mockModule('@actions/core', () => core) before importing the module under test,
// then reads what the action said. getInput reads INPUT_* as the real one does, so tests can set
// inputs the way a runner does.
import type * as actionsCore from '@actions/core'
import { jest } from '@jest/globals'

export const getInput = jest.fn<typeof actionsCore.getInput>((name, options) => {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? ''
  if (options?.required && !value) throw new Error(`Input required and not supplied: ${name}`)
  return options?.trimWhitespace === false ? value : value.trim()
})
export const setSecret = jest.fn<typeof actionsCore.setSecret>()
export const setOutput = jest.fn<typeof actionsCore.setOutput>()
export const setFailed = jest.fn<typeof actionsCore.setFailed>()
export const isDebug = jest.fn<typeof actionsCore.isDebug>(() => false)
export const debug = jest.fn<typeof actionsCore.debug>()
export const info = jest.fn<typeof actionsCore.info>()
export const notice = jest.fn<typeof actionsCore.notice>()
export const warning = jest.fn<typeof actionsCore.warning>()
export const error = jest.fn<typeof actionsCore.error>()
export const startGroup = jest.fn<typeof actionsCore.startGroup>()
export const endGroup = jest.fn<typeof actionsCore.endGroup>()

/** The job summary: what was added, in order, and whether it was written. */
export const summaryParts: unknown[][] = []
export const summary = {
  addHeading: jest.fn((...args: unknown[]) => (summaryParts.push(['heading', ...args]), summary)),
  addRaw: jest.fn((...args: unknown[]) => (summaryParts.push(['raw', ...args]), summary)),
  addTable: jest.fn((...args: unknown[]) => (summaryParts.push(['table', ...args]), summary)),
  write: jest.fn(async () => (summaryParts.push(['write']), summary))
}

/** Forget every call, between tests. */
export function resetCore(): void {
  jest.clearAllMocks()
  summaryParts.length = 0
}
