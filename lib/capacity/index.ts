/** The capacity plan (issue 15): sizes per table and index from declared volumes, partitioning and column order advice. */
export { capacityPlan, type CapacityOptions, type CapacityPlan, type IndexCapacity, type TableCapacity } from './plan';
export { partitioningAdvice, partitioningCommand, suggestedPartitioning, timeSeriesColumn, DEFAULT_PARTITIONING_THRESHOLDS, type PartitioningAdvice, type PartitioningThresholds } from './partitioning';
export { columnOrderAdvice, columnOrderAdvices, alignedOrder, type ColumnOrderAdvice } from './column-order';
export { formatBytes, formatRows } from './format';
export type { RowBreakdown } from './heap';
