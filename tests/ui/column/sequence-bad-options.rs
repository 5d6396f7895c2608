use strata::Table;

// An unknown option, a value that is not an integer, an increment of 0, a
// bound outside the type, min not below max, a start outside the range, an
// empty cache, a value beyond 64 bits and a flag given a value.
#[derive(Table)]
pub struct A {
    #[column(primary_key, identity = "always", sequence(stat = 5, start = "5"))]
    pub id: i64,
}

#[derive(Table)]
pub struct B {
    #[column(primary_key, identity = "always", sequence(increment = 0))]
    pub id: i64,
}

#[derive(Table)]
pub struct C {
    #[column(primary_key, identity = "always", sequence(max = 40000))]
    pub id: i16,
}

#[derive(Table)]
pub struct D {
    #[column(primary_key, sql_type = "serial", sequence(min = 10, max = 10))]
    pub id: i32,
}

#[derive(Table)]
pub struct E {
    #[column(primary_key, identity = "by_default", sequence(start = 0))]
    pub id: i64,
}

#[derive(Table)]
pub struct F {
    #[column(primary_key, identity = "always", sequence(cache = 0, cycle = true))]
    pub id: i64,
}

#[derive(Table)]
pub struct G {
    #[column(primary_key, identity = "always", sequence(start = 99999999999999999999, min))]
    pub id: i64,
}

fn main() {}
