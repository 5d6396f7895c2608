//! Statements that change or drop objects (to be written).
