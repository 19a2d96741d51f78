namespace StratusScan.DataSync.Emulator;

internal static class Program
{
    public static int Main(string[] args) => 0;
}
