/* FIXTURE, not product output: stands in for pcf-scripts' bundle of Feed */
var pcf_tools_fixture = {};
