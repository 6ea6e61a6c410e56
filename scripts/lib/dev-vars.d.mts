export function readDevVars(path: string): Record<string, string>
export function localVarFiles(root: string): Record<string, string>
