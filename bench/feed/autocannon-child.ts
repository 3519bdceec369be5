// The feed benchmark's load generator in a process of its own, so it never shares an event loop
// with the servers it measures (issue 16 item 3). Gets its options on argv, answers over IPC.
import autocannon from "autocannon";

const options = JSON.parse(process.argv[2] ?? "{}") as autocannon.Options;
const result = await autocannon({ ...options, pipelining: 1 });
process.send?.(result, () => process.exit(0));
