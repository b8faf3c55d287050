// What the pre-commit hook runs on the staged files (`.husky/pre-commit` calls `npm run precommit`). The globs run
// one after another (`--concurrent false`): Prettier writes a file before ESLint and the gate read it. lint-staged
// hides unstaged changes while the tasks run, so the gate sees what is being committed.
module.exports = {
  "*.{cls,trigger,js,ts,html,css,xml,json,md,yml,yaml}":
    "prettier --write --ignore-unknown",
  "*.{js,ts}": "eslint --no-warn-ignored",
  // A function task runs once for the whole commit, not once per file.
  "*": () => "sh scripts/hooks/validate-staged.sh"
};
