//! Loading a chart from a .tgz archive or a folder. (in progress)
