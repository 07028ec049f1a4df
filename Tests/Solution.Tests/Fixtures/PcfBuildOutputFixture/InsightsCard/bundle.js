/* FIXTURE, not product output: stands in for pcf-scripts' bundle of InsightsCard */
var pcf_tools_fixture = {};
