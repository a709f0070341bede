// Stands in for @actions/exec in the bundle (see README.md): only core.platform.getDetails uses it.
const unavailable = (): never => {
  throw new Error('@actions/exec is not bundled: this action runs no commands')
}

export const exec = unavailable
export const getExecOutput = unavailable
