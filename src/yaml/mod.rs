//! go-yaml v2 compatible YAML reader and writer, and Go encoding/json output. (in progress)
