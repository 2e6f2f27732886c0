// Placeholder until the benchmark lands (issue 8).
print("hubcalls-bench")
