// Lints the built web resources (what Dataverse gets) with the Power Apps checker rules; zero warnings allowed.
import powerApps from "@microsoft/eslint-plugin-power-apps";

export default [
  {
    files: ["dist/rapport_/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "script", globals: { Xrm: "readonly", window: "readonly" } },
    linterOptions: { reportUnusedDisableDirectives: "error", noInlineConfig: true },
    plugins: { "@microsoft/power-apps": powerApps },
    rules: { ...powerApps.configs.paCheckerHosted.rules },
  },
  { ignores: ["dist/harness/**", "node_modules/**", "src/**", "test/**", "harness/**", "scripts/**", "*.config.*", "*.mjs"] },
];
