/**
 * Student names from GitHub Classroom repository folders: Classroom names each repository
 * `<assignment>-<github user>`, so the prefix all folders share, cut after its last dash, is the
 * assignment and the rest is the student.
 */

/** The student names for `folders` (in the same order); unchanged when no common prefix fits. */
export function classroomNames(folders: readonly string[]): string[] {
  if (folders.length < 2) return [...folders];
  let prefix = folders[0];
  for (const f of folders) {
    while (!f.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  const cut = prefix.lastIndexOf('-');
  if (cut < 0) return [...folders];
  const names = folders.map((f) => f.slice(cut + 1));
  const unique = new Set(names).size === names.length && names.every((n) => n.length > 0);
  return unique ? names : [...folders];
}
