// One test at a time: the memory bounds read the process's peak working set, which parallel tests would share.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
