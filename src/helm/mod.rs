//! helm template: values coalescing, subcharts, rendering, manifest sorting. (in progress)
