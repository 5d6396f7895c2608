//! Statements that create objects (to be written).
