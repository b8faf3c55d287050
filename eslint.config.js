// ESLint flat config: LWC rules for components, typescript-eslint for the project's TypeScript tooling.
const lwcConfig = require("@salesforce/eslint-config-lwc");
const jestPlugin = require("eslint-plugin-jest");
const tseslint = require("typescript-eslint");

module.exports = [
  {
    ignores: [
      "node_modules/**",
      "coverage/**",
      ".sf/**",
      ".sfdx/**",
      "test/fixtures/**",
      "**/*.d.ts"
    ]
  },
  ...lwcConfig.configs.recommended.map((config) => ({
    ...config,
    files: ["force-app/**/lwc/**/*.js"]
  })),
  {
    files: ["force-app/**/lwc/**/__tests__/**/*.js"],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: jestPlugin.environments.globals.globals },
    rules: { ...jestPlugin.configs.recommended.rules }
  },
  ...tseslint.configs.recommended.map((config) => ({
    ...config,
    files: ["scripts/**/*.ts", "test/**/*.ts"]
  })),
  {
    files: ["*.js", "scripts/**/*.js", "test/**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly"
      }
    }
  }
];
