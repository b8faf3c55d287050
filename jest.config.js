// Two jest projects in one run: the TypeScript tooling (ts-jest) and the Lightning Web Components (sfdx-lwc-jest).
const {
  jestConfig: lwcJestConfig
} = require("@salesforce/sfdx-lwc-jest/config");

module.exports = {
  projects: [
    {
      displayName: "scripts",
      testEnvironment: "node",
      roots: ["<rootDir>/test"],
      testMatch: ["**/*.test.ts"],
      transform: {
        "^.+\\.ts$": ["ts-jest", { tsconfig: "<rootDir>/tsconfig.json" }]
      },
      moduleFileExtensions: ["ts", "js", "json"]
    },
    {
      ...lwcJestConfig,
      displayName: "lwc",
      rootDir: __dirname,
      roots: ["<rootDir>/force-app"],
      testPathIgnorePatterns: ["/node_modules/", "/.localdevserver/"]
    }
  ],
  reporters: ["default", "<rootDir>/test/support/summary-line-reporter.js"],
  testTimeout: 120000
};
