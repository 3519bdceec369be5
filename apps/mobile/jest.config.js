// Jest for the mobile app (jest-expo preset). The root Vitest never sees these files.
module.exports = {
  preset: "jest-expo",
  // The first render of the real app/ tree loads expo-router and every screen: slow on a shared 2-core box.
  // The first screen test of a file compiles the app's modules; on a loaded machine that alone took 28 s.
  testTimeout: 60_000,
  reporters: ["default", "<rootDir>/test/summary-reporter.js"],
  setupFilesAfterEnv: ["<rootDir>/test/setup.ts"],
  testMatch: ["<rootDir>/{app,src,test}/**/*.test.{ts,tsx}"],
  // @lm/core is TypeScript source with NodeNext-style ".js" specifiers; map them to the .ts files.
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  transformIgnorePatterns: [
    "node_modules/(?!((jest-)?react-native|@react-native(-community)?|expo(nent)?|@expo(nent)?/.*|@expo-google-fonts/.*|react-navigation|@react-navigation/.*|@sentry/react-native|native-base|react-native-svg|@tanstack/.*|zod|standard-navigation))",
  ],
};
