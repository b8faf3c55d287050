import { realpathSync } from 'node:fs';
import { isAbsolute, relative, sep } from 'node:path';
import { Project } from '../core/project';

/** The Apex sources the sf CLI would deploy: classes and triggers in the package directories, `.forceignore` applied. */
export function apexSourceFiles(project: Project): string[] {
  return project.packageFilesEndingWith('.cls', '.trigger');
}

/** The Apex sources to look at: all of them, or with `--changed` those in the project's focus. */
export function apexFilesInFocus(project: Project): string[] {
  const focus = project.focus;
  return focus ? apexSourceFiles(project).filter((file) => focus.has(file)) : apexSourceFiles(project);
}

/**
 * A tool's absolute path as a project-relative path with forward slashes. Java tools may report the canonical path
 * (symlinks resolved, e.g. macOS `/var` -> `/private/var`), so the root is tried as given and as resolved.
 */
export function toProjectPath(project: Project, toolPath: string): string {
  if (!isAbsolute(toolPath)) {
    return toolPath.split(sep).join('/');
  }
  for (const root of [project.root, realRoot(project.root)]) {
    const candidate = relative(root, toolPath);
    if (!candidate.startsWith('..') && !isAbsolute(candidate)) {
      return candidate.split(sep).join('/');
    }
  }
  return toolPath.split(sep).join('/');
}

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}
