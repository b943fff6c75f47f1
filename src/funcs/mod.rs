//! Sprig and Helm functions, grouped as Sprig groups them. (in progress)
